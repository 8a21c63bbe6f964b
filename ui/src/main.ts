import { mount } from "svelte";
import "./styles/tokens.css";
import "./styles/global.css";
import App from "./App.svelte";
import CountdownWindow from "./lib/components/CountdownWindow.svelte";
import { tauriBackend } from "./lib/ipc/tauri";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// The same page serves the compact countdown window, opened at #countdown.
const root = location.hash === "#countdown" ? CountdownWindow : App;
export default mount(root, { target, props: { backend: tauriBackend } });
