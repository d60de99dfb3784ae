// The widget's settings, read from its own <script> tag:
//   <script src="/static/widget.js" data-server="https://chat.example.org" data-title="…" defer></script>
// data-server        Rasa's public URL (http or https; default: this page's origin). A path in it is kept:
//                    "https://example.org/rasa" connects to https://example.org/rasa/socket.io
// data-socket-path   overrides the socket.io path (default: <path of data-server>/socket.io)
// data-title         the panel's title and accessible name
// data-init-payload  a message sent when a conversation starts (e.g. "/greet"); default none
// data-typing-timeout seconds to wait for an answer before saying it is late (default 20)

const DEFAULT_TITLE = "서울 일자리·노동 도우미";

export function readConfig(script) {
  const data = script?.dataset ?? {};
  let server;
  try {
    server = new URL(data.server || window.location.origin, window.location.href);
  } catch {
    server = null;
  }
  if (!server || (server.protocol !== "http:" && server.protocol !== "https:")) {
    console.error("[seoul-chat] data-server must be an http(s) URL; using this page's origin");
    server = new URL(window.location.origin);
  }
  const basePath = server.pathname.replace(/\/+$/, "");
  const path = data.socketPath || `${basePath}/socket.io`;
  const timeoutSeconds = Number.parseFloat(data.typingTimeout ?? "");
  return {
    origin: server.origin,
    path,
    title: (data.title || DEFAULT_TITLE).trim() || DEFAULT_TITLE,
    initPayload: data.initPayload || "",
    typingTimeoutMs: Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds * 1000 : 20000,
    storageKey: `seoul-chat:v1:${server.origin}${path}`,
  };
}
