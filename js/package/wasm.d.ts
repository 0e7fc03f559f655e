// `import wasm from 'sir-donate/sir_donate_bg.wasm'`: the widget's WebAssembly file, as its URL.
// That is what a bundler gives for a file it copies into the build, when told to: esbuild with
// `--loader:.wasm=file`, webpack 5 with `type: 'asset/resource'` for `.wasm`. Pass it to init().

/** The URL of `sir_donate_bg.wasm` in your build. */
declare const wasmUrl: string;
export default wasmUrl;
