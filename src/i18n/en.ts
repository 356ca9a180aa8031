// English interface strings: the source of truth for the keys (zh.ts must match them).
// Stage texts and study cards live in their own { en, zh } registries, not here.

import type { Widen } from './widen';
import { walkthroughEn } from './areas/walkthrough';
import { backwardEn } from './areas/backward';
import { trainEn } from './areas/train';
import { studyEn } from './areas/study';
import { dataEn } from './areas/data';
import { vizEn } from './areas/viz';
import { benchEn } from './areas/bench';

export const en = {
  // Each view's strings live in areas/<view>.ts (English and Chinese side by side).
  walkthrough: walkthroughEn,
  backward: backwardEn,
  train: trainEn,
  study: studyEn,
  data: dataEn,
  viz: vizEn,
  bench: benchEn,
  app: {
    name: 'Attention Lab',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
  },
  nav: {
    label: 'Views',
    walkthrough: 'Walkthrough',
    backward: 'Training step',
    train: 'Train',
    study: 'Study',
    /** Not in the navigation (linked from the README): the document title only. */
    bench: 'Benchmark',
  },
  language: {
    label: 'Language',
    en: 'English',
    zh: '中文',
  },
  colorScheme: {
    label: 'Colour scheme',
    light: 'Light',
    dark: 'Dark',
    system: 'System',
    systemTitle: 'Follow the system setting (now {{scheme}})',
  },
  gpu: {
    label: 'Compute',
    pending: 'Looking for a GPU…',
    webgpu: 'WebGPU',
    fallback: 'CPU fallback',
    reason: {
      'no-webgpu': 'this browser has no WebGPU',
      'no-adapter': 'no GPU adapter is available',
      'device-failed': 'the GPU device failed',
    },
    lost: {
      lost: 'The GPU device was lost.',
      error: 'The GPU reported an error.',
      body: 'Computation continues on the CPU. Restart the GPU to use it again.',
      restartFailed: 'The GPU could not be restarted: {{reason}}. Computation continues on the CPU.',
      details: 'Technical details',
      restart: 'Restart GPU',
      restarting: 'Restarting the GPU…',
    },
  },
  route: {
    notFound: 'There is no page at “{{path}}”. Showing the overview instead.',
  },
  crash: {
    title: 'This view stopped with an error.',
    body: 'Your settings and saved progress are kept.',
    retry: 'Try again',
  },
  views: {
    walkthrough: {
      title: 'Walkthrough',
    },
    backward: {
      title: 'Training step',
    },
    train: {
      title: 'Train',
    },
    study: {
      title: 'Study',
    },
    bench: {
      title: 'Benchmark on this GPU',
    },
  },
} as const;

/** The shape every language must fill: the English keys, any string values. */
export type Messages = Widen<typeof en>;
