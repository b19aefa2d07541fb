//! Entry point: lock the page down, pick the backend, mount the kiosk.
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { loadBackend, runsInTauri } from "./backend";
import { parseScenario } from "./lib/dev-scenario";
import { installLockdown } from "./lib/lockdown";

installLockdown();

async function start(): Promise<void> {
  // Deep links are a development aid for the fake backend; the kiosk app ignores them.
  const scenario = runsInTauri() ? null : parseScenario(location.hash);
  const backend = await loadBackend({
    latency: scenario?.latencyMs ?? 0,
    kiosk: scenario?.idleSeconds ? { idle_seconds: scenario.idleSeconds } : {},
  });
  const target = document.getElementById("app");
  if (!target) throw new Error("index.html has no #app element");
  mount(App, { target, props: { backend, scenario } });
}

void start();
