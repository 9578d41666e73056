// Loads the shop's wasm (wasm-bindgen's `web` glue); its start function mounts the shop. The
// exports (mountFields, unmountFields, memoryBytes) are the end-to-end memory test's.
import init, * as shop from './leptos_shop.js';

await init();
window.leptosShop = shop;
