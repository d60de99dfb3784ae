// The widget's CSS. It lives in the widget's shadow root, so it neither leaks into the host page nor picks
// up the host page's rules. Colours are chosen for a contrast of at least 4.5:1 (checked in the e2e tests).
export const CSS = `
:host {
  all: initial;
  --sjw-primary: #0b4a8b;
  --sjw-primary-dark: #083a6e;
  --sjw-header: #0b2f5b;
  --sjw-text: #1b1b1b;
  --sjw-muted: #55595f;
  --sjw-bot-bg: #f0f2f5;
  --sjw-user-bg: #0b4a8b;
  --sjw-border: #c9ced6;
  --sjw-focus: #1b1b1b;
  --sjw-focus-on-dark: #ffffff;
  font-family: "Pretendard", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", "NanumGothic", "Nanum Gothic", system-ui, sans-serif;
  font-size: 16px;
  line-height: 1.5;
  color: var(--sjw-text);
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
button, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--sjw-focus); outline-offset: 2px; }

.launcher {
  position: fixed; right: 24px; bottom: 24px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 56px; padding: 0 22px 0 18px;
  border: 2px solid #ffffff; border-radius: 28px;
  background: var(--sjw-primary); color: #ffffff;
  font-size: 17px; font-weight: 700;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.28);
}
.launcher:hover { background: var(--sjw-primary-dark); }
.launcher svg { width: 24px; height: 24px; flex: none; }
.unread {
  position: absolute; top: -3px; right: -3px; width: 16px; height: 16px;
  border: 2px solid #ffffff; border-radius: 50%; background: #c8102e;
}

.panel {
  position: fixed; right: 24px; bottom: 96px; z-index: 2147483001;
  display: flex; flex-direction: column;
  width: 400px; height: min(640px, calc(100vh - 120px));
  background: #ffffff; color: var(--sjw-text);
  border: 1px solid var(--sjw-border); border-radius: 14px;
  box-shadow: 0 10px 36px rgba(0, 0, 0, 0.25);
  overflow: hidden;
}
/* The DOM order is composer → conversation → header, so that Tab goes launcher → input → send → quick
   replies; the flex order shows them top to bottom as header → conversation → status → composer. */
.header { order: 1; }
.body { order: 2; }
.status { order: 3; }
.composer { order: 4; }

.header {
  display: flex; align-items: center; gap: 6px;
  padding: 10px 10px 10px 16px;
  background: var(--sjw-header); color: #ffffff;
}
.header h2 { flex: 1; margin: 0; font-size: 17px; font-weight: 700; line-height: 1.3; }
.header button {
  min-height: 40px; padding: 4px 12px;
  border: 1px solid rgba(255, 255, 255, 0.7); border-radius: 8px;
  background: transparent; color: #ffffff; font-size: 15px;
}
.header button:hover { background: rgba(255, 255, 255, 0.14); }
.header button:focus-visible { outline-color: var(--sjw-focus-on-dark); }
.header .close { min-width: 40px; padding: 4px 8px; display: inline-flex; align-items: center; justify-content: center; }
.header .close svg { width: 20px; height: 20px; }

.body { flex: 1; min-height: 0; overflow-y: auto; padding: 16px 14px 8px; overscroll-behavior: contain; }
.empty { margin: 4px 0 12px; color: var(--sjw-muted); font-size: 15px; }
.log { display: flex; flex-direction: column; gap: 10px; }

.msg { display: flex; flex-direction: column; max-width: 88%; }
.msg[data-role="bot"] { align-self: flex-start; align-items: flex-start; }
.msg[data-role="user"] { align-self: flex-end; align-items: flex-end; }
.bubble {
  margin: 0; padding: 10px 14px; border-radius: 14px;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: keep-all;
}
.msg[data-role="bot"] .bubble { background: var(--sjw-bot-bg); color: var(--sjw-text); border-top-left-radius: 4px; }
.msg[data-role="user"] .bubble { background: var(--sjw-user-bg); color: #ffffff; border-top-right-radius: 4px; }
.bubble a { color: var(--sjw-primary); text-decoration: underline; text-underline-offset: 2px; }
.note { align-self: center; margin: 0; padding: 6px 10px; color: var(--sjw-muted); font-size: 14px; text-align: center; }

.replies { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.replies button {
  min-height: 40px; padding: 6px 14px;
  border: 1.5px solid var(--sjw-primary); border-radius: 20px;
  background: #ffffff; color: var(--sjw-primary); font-size: 15px; font-weight: 600;
}
.replies button:hover:not(:disabled) { background: #e6eef8; }
.replies button:disabled { cursor: default; border-color: #c9ced6; background: #f5f6f8; color: #5f6368; }

.typing { display: flex; align-items: center; gap: 8px; margin: 10px 0 2px; color: var(--sjw-muted); font-size: 14px; }
.dots { display: inline-flex; gap: 4px; padding: 10px 12px; border-radius: 14px; background: var(--sjw-bot-bg); }
.dots span { width: 7px; height: 7px; border-radius: 50%; background: #6b7078; animation: sjw-bounce 1.2s infinite ease-in-out; }
.dots span:nth-child(2) { animation-delay: 0.15s; }
.dots span:nth-child(3) { animation-delay: 0.3s; }
@keyframes sjw-bounce { 0%, 60%, 100% { transform: translateY(0); opacity: 0.5; } 30% { transform: translateY(-4px); opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .dots span { animation: none; opacity: 0.8; } }

.status { margin: 0; padding: 0 14px; color: var(--sjw-muted); font-size: 14px; }
.status:not(:empty) { padding: 6px 14px; border-top: 1px solid #e3e6ea; background: #fff8e6; color: #5c4300; }

.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px 12px; border-top: 1px solid var(--sjw-border); background: #ffffff; }
.composer textarea {
  flex: 1; min-height: 44px; max-height: 128px; resize: none;
  padding: 10px 12px; border: 1.5px solid #767b84; border-radius: 10px;
  background: #ffffff; color: var(--sjw-text); line-height: 1.4;
}
.composer textarea::placeholder { color: #63676e; opacity: 1; }
.composer textarea:focus-visible { outline-offset: 1px; }
.composer .send {
  flex: none; min-height: 44px; padding: 0 16px;
  border: 0; border-radius: 10px;
  background: var(--sjw-primary); color: #ffffff; font-weight: 700;
}
.composer .send:hover { background: var(--sjw-primary-dark); }

@media (max-width: 599.98px) {
  .launcher { right: 16px; bottom: 16px; }
  .panel {
    inset: 0; right: 0; bottom: 0; width: 100%; height: 100%; max-height: none;
    border: 0; border-radius: 0; box-shadow: none;
  }
  @supports (height: 100dvh) { .panel { height: 100dvh; } }
  .is-open .launcher { display: none; }
  .msg { max-width: 92%; }
}
@media (forced-colors: active) {
  .bubble, .replies button, .launcher, .composer .send { border: 1px solid CanvasText; }
}
`;
