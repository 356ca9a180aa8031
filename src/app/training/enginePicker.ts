// The engine a run trains on, picked by measurement: when a run is built and the choice is
// 'auto' on a machine with WebGPU, the calibration for this adapter and run shape comes from
// storage, or is measured now (a few warm steps on each engine, src/train/calibrate.ts) and
// stored; src/train/enginePick.ts decides. The user's override is remembered per adapter. The
// slice's `engine` state says what was decided and why (the Train view's engine line).
import type { StoreApi } from 'zustand/vanilla';
import { calibrateEngines, calibrationSpec, type CalibrationOptions } from '../../train/calibrate';
import {
  adapterKey,
  calibrationKey,
  decideEngine,
  needsCalibration,
  type AdapterFacts,
  type EngineName,
  type EnginePreference,
  type EngineRates,
} from '../../train/enginePick';
import type { TrainerHandle } from '../../train/events';
import type { DevicePurpose, DeviceTarget } from '../../train/session';
import type { TrainingConfig } from '../../train/trainingConfig';
import type { AppState } from '../../store/slice';
import type { EngineChoiceState } from '../../store/slices/training';
import type { TrainingServiceContext } from '../../store/services';
import { memoryEngineStore, openEngineStore, type EngineStore } from '../persistence/engineStore';
import { settledGpu, trainerFor } from './sessionDeps';

export interface EnginePickerOptions {
  /** Where calibrations and preferences live (default: IndexedDB, memory when blocked). */
  openStore?: () => Promise<EngineStore>;
  /** Builds a throwaway trainer to measure (default: the app's trainers). */
  createTrainer?: (target: DeviceTarget) => Promise<TrainerHandle>;
  calibration?: CalibrationOptions;
  baseUrl?: () => string | undefined;
}

export interface EnginePicker {
  /** Read this adapter's preference (the control shows it before any run). */
  load(): Promise<void>;
  /** The device a run of `config` should train on (measuring first when needed). */
  target(purpose: DevicePurpose, config: TrainingConfig): Promise<DeviceTarget>;
  /** The same without measuring (experiments): preference, else stored measurements, else the rules. */
  quickTarget(config: TrainingConfig): Promise<DeviceTarget>;
  setPreference(pref: EnginePreference): Promise<void>;
  /** Forget every calibration. */
  forgetMeasurements(): Promise<void>;
}

interface Adapter {
  gpu: Extract<DeviceTarget, { kind: 'webgpu' }> | null;
  state: EngineChoiceState['adapter'];
}

async function currentAdapter(store: StoreApi<AppState>): Promise<Adapter> {
  const gpu = await settledGpu(store);
  if (gpu.state.kind !== 'ready') return { gpu: null, state: null };
  const ctx = gpu.state.ctx;
  const info = ctx.adapter?.info ?? ({} as Partial<GPUAdapterInfo>);
  const key = adapterKey({ vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description, isFallbackAdapter: ctx.info.isFallbackAdapter });
  return { gpu: { kind: 'webgpu', ctx, generation: gpu.generation }, state: { key, name: ctx.info.name, fallback: ctx.info.isFallbackAdapter } };
}

const facts = (a: Adapter): AdapterFacts => ({ available: !!a.gpu, fallback: a.state?.fallback ?? false });
const usable = (r: EngineRates) => (r.webgpu ?? 0) > 0 && (r.cpu ?? 0) > 0;

export function createEnginePicker(ctx: Pick<TrainingServiceContext, 'set' | 'get' | 'store'>, options: EnginePickerOptions = {}): EnginePicker {
  const { set, get, store } = ctx;
  let opened: Promise<EngineStore> | null = null;
  const storage = () => (opened ??= (options.openStore ?? openEngineStore)().catch(() => memoryEngineStore()));
  const createTrainer = options.createTrainer ?? trainerFor;
  const setEngine = (patch: Partial<EngineChoiceState>) => set({ engine: { ...get().engine, ...patch } });

  const preferenceFor = async (a: Adapter): Promise<EnginePreference> => (a.state ? (await storage()).preference(a.state.key).catch(() => 'auto' as const) : 'auto');
  const cached = async (a: Adapter, config: TrainingConfig): Promise<EngineRates | null> =>
    a.state ? ((await (await storage()).calibration(calibrationKey(a.state.key, config)).catch(() => null))?.rates ?? null) : null;

  const toTarget = (engine: EngineName, a: Adapter): DeviceTarget => (engine === 'webgpu' && a.gpu ? a.gpu : { kind: 'cpu' });

  async function measure(a: Adapter, config: TrainingConfig): Promise<EngineRates> {
    const gpu = a.gpu!;
    try {
      const { rates } = await calibrateEngines({
        engines: ['webgpu', 'cpu'],
        create: (engine) => createTrainer(engine === 'webgpu' ? gpu : { kind: 'cpu' }),
        spec: calibrationSpec(config, options.baseUrl?.()),
        onEngine: (engine) => setEngine({ calibrating: engine }),
        options: options.calibration,
      });
      // Only a complete measurement is kept: a failure may be passing (measure again next run).
      if (usable(rates)) await (await storage()).putCalibration(calibrationKey(a.state!.key, config), { rates, measuredAt: Date.now(), adapter: a.state!.name }).catch(() => undefined);
      return rates;
    } finally {
      setEngine({ calibrating: null });
    }
  }

  return {
    load: async () => {
      const a = await currentAdapter(store);
      setEngine({ adapter: a.state, preference: await preferenceFor(a) });
    },

    target: async (purpose, config) => {
      let a = await currentAdapter(store);
      if (purpose === 'recover') return a.gpu ?? { kind: 'cpu' }; // a new device, as before
      const preference = await preferenceFor(a);
      let rates = await cached(a, config);
      let source: EngineChoiceState['source'] = rates ? 'cached' : null;
      if (needsCalibration(preference, facts(a), rates)) {
        setEngine({ adapter: a.state, preference });
        rates = await measure(a, config);
        source = 'measured';
        a = await currentAdapter(store); // the device may have changed meanwhile
      }
      const decision = decideEngine({ preference, adapter: facts(a), rates });
      setEngine({ adapter: a.state, preference, decision, source });
      return toTarget(decision.engine, a);
    },

    quickTarget: async (config) => {
      const a = await currentAdapter(store);
      const decision = decideEngine({ preference: await preferenceFor(a), adapter: facts(a), rates: await cached(a, config) });
      return toTarget(decision.engine, a);
    },

    setPreference: async (pref) => {
      const a = await currentAdapter(store);
      setEngine({ preference: pref, adapter: a.state });
      if (a.state) await (await storage()).setPreference(a.state.key, pref).catch(() => undefined);
    },

    forgetMeasurements: async () => {
      await (await storage()).clearCalibrations().catch(() => undefined);
      setEngine({ source: null });
    },
  };
}
