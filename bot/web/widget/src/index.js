// Entry point of widget.js: one script tag mounts the chat widget on the page.
import { readConfig } from "./config.js";
import { ChatWidget } from "./widget.js";

// Only valid while this script runs for the first time, so read it now (works with defer and async).
const script =
  document.currentScript ?? document.querySelector('script[src*="widget.js"][data-server], script[src*="widget.js"]');

function start() {
  if (document.getElementById("seoul-chat-widget")) return; // included twice: keep the first
  new ChatWidget(readConfig(script)).mount(document.body);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
