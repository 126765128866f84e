// Test builds only (scripts/assemble.mjs loads it ahead of background.js in dist/test-*): makes
// the engine's wasm fail on demand, so the browser tests can see the background recover. Inert
// until a test writes `storage.local['test-faults']`:
//
//   { failStarts: N }  the next N instantiations of the wasm reject, as a failed compile would
//   { trap: true }     the next engine call traps, and every later call on that same instance
//                      traps too (a trap leaves the instance's memory as it stopped)
//
// Each fault used is taken off that record, and what happened is appended to
// `storage.local['test-fault-log']` ('start-failed', 'started', 'trapped', 'new-instance'), so a
// test can tell a recovery from a fault that never fired.

const api = globalThis.browser ?? globalThis.chrome;
const FAULTS = 'test-faults';
const LOG = 'test-fault-log';
const ENGINE_CALLS = new Set(['analyze', 'suggest', 'rules']);
const { instantiate, instantiateStreaming, Instance } = WebAssembly;

let faults = {};
const faultsRead = api.storage.local.get(FAULTS).then((stored) => { faults = stored[FAULTS] ?? {}; });
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[FAULTS]) faults = changes[FAULTS].newValue ?? {};
});

// Storage writes are queued so that two events in one turn both reach the log.
let writes = Promise.resolve();
function record(event, nextFaults) {
  if (nextFaults) faults = nextFaults;
  writes = writes.then(async () => {
    const log = (await api.storage.local.get(LOG))[LOG] ?? [];
    await api.storage.local.set({ [LOG]: [...log, event], ...(nextFaults ? { [FAULTS]: nextFaults } : {}) });
  });
}

// The instance the glue sees: the real exports, with the engine's entry points able to trap.
function faultable(instance) {
  const real = instance.exports;
  const exports = {};
  let poisoned = false;
  for (const [name, value] of Object.entries(real)) {
    exports[name] = ENGINE_CALLS.has(name) && typeof value === 'function'
      ? (...args) => {
        if (!poisoned && faults.trap) {
          poisoned = true;
          record('trapped', { ...faults, trap: false });
        }
        if (poisoned) throw new WebAssembly.RuntimeError('unreachable executed (test fault)');
        return value(...args);
      }
      : value;
  }
  // Still an Instance to `instanceof`, as the glue checks.
  return Object.create(Instance.prototype, { exports: { value: exports } });
}

async function maybeFailStart() {
  await faultsRead;
  if (faults.failStarts > 0) {
    record('start-failed', { ...faults, failStarts: faults.failStarts - 1 });
    throw new WebAssembly.CompileError('test fault: the wasm failed to start');
  }
}


WebAssembly.instantiateStreaming = async (source, imports) => {
  await maybeFailStart();
  const { instance, module } = await instantiateStreaming.call(WebAssembly, source, imports);
  record('started');
  return { instance: faultable(instance), module };
};

WebAssembly.instantiate = async (source, imports) => {
  await maybeFailStart();
  const result = await instantiate.call(WebAssembly, source, imports);
  record('started');
  return result instanceof Instance ? faultable(result) : { instance: faultable(result.instance), module: result.module };
};

// The glue's reset builds a new instance synchronously from the module it kept.
WebAssembly.Instance = function FaultableInstance(module, imports) {
  const instance = faultable(new Instance(module, imports));
  record('new-instance');
  return instance;
};
WebAssembly.Instance.prototype = Instance.prototype;
