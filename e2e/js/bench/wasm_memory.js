// For `execute_async`: calls back with `{ bytes }`, the wasm module's linear memory, or with
// `{ error }`. No arguments besides the callback. It is read through the glue: importing the same
// URL returns the module instance the loader already initialised, and its init function then
// returns the existing exports without fetching anything. The dist shortens export names, so
// the memory is found by its type.
const done = arguments[arguments.length - 1];
const glue = performance.getEntriesByType('resource').map(e => e.name)
  .find(n => /\/sir-donate\.[0-9a-f]+\.js$/.test(n.split(/[?#]/)[0]));
if (!glue) { done({ error: 'the glue was never fetched' }); return; }
import(glue)
  .then(g => g.default({ module_or_path: glue.replace(/\.js$/, '.wasm') }))
  .then(w => {
    const memory = Object.values(w).find(v => v instanceof WebAssembly.Memory);
    if (!memory) throw new Error('the wasm exports no memory');
    return memory.buffer.byteLength;
  })
  .then(bytes => done({ bytes }), e => done({ error: String(e) }));
