// 简体中文界面文字。类型 Messages 保证与 en.ts 的键完全一致（缺键或多键都是类型错误）。
import type { Messages } from './en';
import { walkthroughZh } from './areas/walkthrough';
import { backwardZh } from './areas/backward';
import { trainZh } from './areas/train';
import { studyZh } from './areas/study';
import { dataZh } from './areas/data';
import { vizZh } from './areas/viz';
import { benchZh } from './areas/bench';

export const zh: Messages = {
  walkthrough: walkthroughZh,
  backward: backwardZh,
  train: trainZh,
  study: studyZh,
  data: dataZh,
  viz: vizZh,
  bench: benchZh,
  app: {
    name: '注意力实验室',
    skipToContent: '跳到主要内容',
    loading: '加载中…',
  },
  nav: {
    label: '视图',
    walkthrough: '逐步讲解',
    backward: '训练一步',
    train: '训练',
    study: '复习',
    bench: '基准测试',
  },
  language: {
    label: '语言',
    en: 'English',
    zh: '中文',
  },
  colorScheme: {
    label: '配色',
    light: '浅色',
    dark: '深色',
    system: '跟随系统',
    systemTitle: '跟随系统设置（当前为{{scheme}}）',
  },
  gpu: {
    label: '计算',
    pending: '正在查找 GPU…',
    webgpu: 'WebGPU',
    fallback: 'CPU 回退模式',
    reason: {
      'no-webgpu': '此浏览器不支持 WebGPU',
      'no-adapter': '没有可用的 GPU 适配器',
      'device-failed': 'GPU 设备出错',
    },
    lost: {
      lost: 'GPU 设备已丢失。',
      error: 'GPU 报告了一个错误。',
      body: '计算已切换到 CPU 继续进行。重启 GPU 即可重新使用它。',
      restartFailed: '无法重启 GPU：{{reason}}。计算继续在 CPU 上进行。',
      details: '技术细节',
      restart: '重启 GPU',
      restarting: '正在重启 GPU…',
    },
  },
  route: {
    notFound: '找不到页面“{{path}}”，现在显示总览。',
  },
  crash: {
    title: '此视图因错误而停止。',
    body: '你的设置和已保存的进度都还在。',
    retry: '重试',
  },
  views: {
    walkthrough: {
      title: '逐步讲解',
    },
    backward: {
      title: '训练一步',
    },
    train: {
      title: '训练',
    },
    study: {
      title: '复习',
    },
    bench: {
      title: '在这块 GPU 上跑基准测试',
    },
  },
};
