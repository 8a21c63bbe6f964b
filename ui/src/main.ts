import { mount } from "svelte";
import "./styles/tokens.css";
import "./styles/global.css";
import App from "./App.svelte";
import { tauriBackend } from "./lib/ipc/tauri";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

export default mount(App, { target, props: { backend: tauriBackend } });
