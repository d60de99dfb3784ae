// The chat widget: a launcher button and a panel in a shadow root, talking to Rasa over socket.io.
// Message content is only ever put into the page with textContent / DOM APIs, never as HTML.

import { RasaConnection } from "./connection.js";
import { ConversationStore } from "./history.js";
import { enterToSend } from "./ime.js";
import { safeHttpUrl, splitLinks } from "./links.js";
import { STRINGS } from "./strings.js";
import { CSS } from "./styles.js";

const MAX_INPUT = 1000;

/** Builds an element: el("button", {class: "x", type: "button"}, child, "text"). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

/** A decorative icon from fixed path data (never from message content). The HTML parser puts <svg> in the SVG
 * namespace itself, so no namespace URI is written here. */
function icon(pathData) {
  const template = document.createElement("template");
  template.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor"></path></svg>';
  const svg = template.content.firstElementChild;
  svg.querySelector("path").setAttribute("d", pathData);
  return svg;
}

const CHAT_ICON =
  "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6a1.3 1.3 0 1 0 0 2.6A1.3 1.3 0 0 0 7 10zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6z";
const CLOSE_ICON =
  "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4L12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z";

function adoptStyles(shadow) {
  try {
    // A constructed stylesheet works under a page CSP without 'unsafe-inline' for styles.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.append(el("style", {}, CSS));
  }
}

/** The quick replies of one bot message, keeping only well-formed {title, payload} pairs. */
function quickReplies(data) {
  const raw = Array.isArray(data.quick_replies) ? data.quick_replies : Array.isArray(data.buttons) ? data.buttons : [];
  return raw
    .filter((reply) => reply && typeof reply.title === "string" && typeof reply.payload === "string")
    .map((reply) => ({ title: reply.title, payload: reply.payload }));
}

export class ChatWidget {
  /**
   * @param {{origin: string, path: string, title: string, storageKey: string, typingTimeoutMs: number,
   *          initPayload: string}} config
   */
  constructor(config) {
    this.config = config;
    this.store = new ConversationStore(config.storageKey);
    this.connection = null;
    this.typingTimer = 0;
    /** @type {Map<object, HTMLElement>} stored message → its quick-reply group */
    this.replyGroups = new Map();
  }

  mount(parent = document.body) {
    this.host = el("div", { id: "seoul-chat-widget", "data-seoul-chat": "" });
    this.shadow = this.host.attachShadow({ mode: "open" });
    adoptStyles(this.shadow);
    this.build();
    this.shadow.append(this.root);
    parent.append(this.host);
    for (const message of this.store.messages) this.renderMessage(message);
    this.updateEmptyState();
    document.addEventListener("click", (event) => {
      const opener = event.target instanceof Element ? event.target.closest("[data-seoul-chat-open]") : null;
      if (opener) {
        event.preventDefault();
        this.open();
      }
    });
    if (this.store.panelOpen) this.open({ focus: false });
  }

  build() {
    const { title } = this.config;
    // A dot on the launcher when an answer (or a staff reply) arrives while the panel is closed.
    this.unread = el("span", { class: "unread", hidden: true }, el("span", { class: "sr-only" }, ` ${STRINGS.unread}`));
    this.launcher = el(
      "button",
      { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "sjw-panel" },
      icon(CHAT_ICON),
      el("span", { class: "sr-only" }, `${title} `),
      el("span", {}, STRINGS.launcher),
      this.unread,
    );
    this.launcher.addEventListener("click", () => (this.isOpen ? this.close() : this.open()));

    // Composer (first in the DOM so that Tab goes launcher → input → send → quick replies).
    this.input = el("textarea", {
      id: "sjw-input",
      rows: "1",
      maxlength: String(MAX_INPUT),
      placeholder: STRINGS.placeholder,
      autocomplete: "off",
      enterkeyhint: "send",
    });
    this.sendButton = el("button", { type: "submit", class: "send" }, STRINGS.send);
    this.composer = el(
      "form",
      { class: "composer", novalidate: true },
      el("label", { for: "sjw-input", class: "sr-only" }, STRINGS.inputLabel),
      this.input,
      this.sendButton,
    );
    this.composer.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submitInput();
    });
    enterToSend(this.input, () => this.submitInput());
    this.input.addEventListener("input", () => this.autosize());

    // Conversation.
    this.emptyState = el("p", { class: "empty" }, STRINGS.empty);
    this.log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": STRINGS.logLabel });
    this.typing = el(
      "div",
      { class: "typing", hidden: true, "aria-hidden": "true" },
      el("span", { class: "dots" }, el("span"), el("span"), el("span")),
      el("span", {}, STRINGS.typing),
    );
    this.body = el("div", { class: "body" }, this.emptyState, this.log, this.typing);

    this.status = el("p", { class: "status", role: "status" });

    // Header.
    this.newButton = el("button", { type: "button", class: "new", title: STRINGS.newConversationHint }, STRINGS.newConversation);
    this.newButton.addEventListener("click", () => this.newConversation());
    this.closeButton = el("button", { type: "button", class: "close", "aria-label": STRINGS.close }, icon(CLOSE_ICON));
    this.closeButton.addEventListener("click", () => this.close());
    this.header = el("div", { class: "header" }, el("h2", {}, title), this.newButton, this.closeButton);

    this.panel = el(
      "div",
      { id: "sjw-panel", class: "panel", role: "dialog", "aria-label": title, hidden: true },
      this.composer,
      this.body,
      this.status,
      this.header,
    );
    this.panel.addEventListener("keydown", (event) => {
      // Escape while composing a syllable cancels the composition, not the chat.
      if (event.key === "Escape" && !event.isComposing) {
        event.preventDefault();
        this.close();
      }
    });

    this.root = el("div", { class: "root" }, this.launcher, this.panel);
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  open({ focus = true } = {}) {
    this.panel.hidden = false;
    this.unread.hidden = true;
    this.root.classList.add("is-open");
    this.launcher.setAttribute("aria-expanded", "true");
    this.store.panelOpen = true;
    this.connect();
    this.scrollToEnd();
    if (focus) this.input.focus();
  }

  close() {
    this.panel.hidden = true;
    this.root.classList.remove("is-open");
    this.launcher.setAttribute("aria-expanded", "false");
    this.store.panelOpen = false;
    this.launcher.focus();
  }

  connect() {
    if (this.connection) return;
    this.connection = new RasaConnection({
      origin: this.config.origin,
      path: this.config.path,
      getSessionId: () => this.store.sessionId,
      onBotMessage: (data) => this.receive(data),
      onStatus: (status) => this.showStatus(status),
    });
    this.connection.start();
    if (this.config.initPayload && this.store.messages.length === 0) this.connection.send(this.config.initPayload);
  }

  showStatus(status) {
    this.status.textContent = status === "online" ? "" : status === "failed" ? STRINGS.failed : STRINGS.connecting;
    this.panel.dataset.status = status;
  }

  autosize() {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight + 3, 128)}px`;
  }

  submitInput() {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = "";
    this.autosize();
    this.sendUserMessage(text, text);
  }

  /** Shows `display` as the user's bubble and sends `payload` to Rasa. */
  sendUserMessage(display, payload) {
    this.retireQuickReplies();
    this.renderMessage(this.store.add({ role: "user", text: display }));
    this.updateEmptyState();
    this.connect();
    this.connection.send(payload);
    this.showTyping();
  }

  /** Quick replies answer the latest question only: once the user says anything, older sets are disabled. */
  retireQuickReplies() {
    let changed = false;
    for (const [message, group] of this.replyGroups) {
      message.repliesUsed = true;
      for (const button of group.querySelectorAll("button")) button.disabled = true;
      changed = true;
    }
    this.replyGroups.clear();
    if (changed) this.store.save();
  }

  receive(data) {
    if (!data || typeof data !== "object") return;
    this.hideTyping();
    const text = typeof data.text === "string" ? data.text : "";
    const replies = quickReplies(data);
    let link;
    const attachment = data.attachment;
    if (attachment && typeof attachment === "object" && attachment.type === "image") {
      const href = safeHttpUrl(String(attachment.payload?.src ?? ""));
      if (href) link = { href, label: STRINGS.image };
    }
    if (!text && replies.length === 0 && !link) return;
    const message = { role: "bot", text };
    if (replies.length > 0) Object.assign(message, { replies, repliesUsed: false });
    if (link) message.link = link;
    this.renderMessage(this.store.add(message));
    this.updateEmptyState();
    if (!this.isOpen) this.unread.hidden = false;
  }

  renderMessage(message) {
    const isBot = message.role === "bot";
    const bubble = el("p", { class: "bubble" });
    if (isBot) this.appendWithLinks(bubble, message.text);
    else bubble.textContent = message.text;
    const linkHref = message.link ? safeHttpUrl(message.link.href) : null;
    if (linkHref) {
      if (message.text) bubble.append("\n");
      bubble.append(this.linkElement(linkHref, message.link.label));
    }
    const item = el(
      "div",
      { class: "msg", "data-role": message.role },
      el("span", { class: "sr-only" }, isBot ? STRINGS.bot : STRINGS.you),
      bubble,
    );
    if (isBot && Array.isArray(message.replies) && message.replies.length > 0) {
      const group = el("div", { class: "replies", role: "group", "aria-label": STRINGS.quickReplies });
      for (const reply of message.replies) {
        const button = el("button", { type: "button", disabled: Boolean(message.repliesUsed) }, reply.title);
        button.addEventListener("click", () => {
          if (button.disabled) return;
          this.sendUserMessage(reply.title, reply.payload);
          this.input.focus();
        });
        group.append(button);
      }
      item.append(group);
      if (!message.repliesUsed) this.replyGroups.set(message, group);
    }
    this.log.append(item);
    this.scrollToEnd();
  }

  /** Bot text with http(s) URLs as links; everything else as text nodes. */
  appendWithLinks(parent, text) {
    for (const segment of splitLinks(text)) {
      if (segment.type === "link") parent.append(this.linkElement(segment.href, segment.text));
      else parent.append(document.createTextNode(segment.text));
    }
  }

  linkElement(href, label) {
    const link = el("a", { href, target: "_blank", rel: "noopener noreferrer" }, label);
    link.append(el("span", { class: "sr-only" }, STRINGS.newWindow));
    return link;
  }

  showTyping() {
    this.typing.hidden = false;
    this.scrollToEnd();
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.hideTyping();
      this.log.append(el("p", { class: "note" }, STRINGS.slow));
      this.scrollToEnd();
    }, this.config.typingTimeoutMs);
  }

  hideTyping() {
    clearTimeout(this.typingTimer);
    this.typing.hidden = true;
  }

  updateEmptyState() {
    this.emptyState.hidden = this.store.messages.length > 0;
  }

  scrollToEnd() {
    this.body.scrollTop = this.body.scrollHeight;
  }

  newConversation() {
    this.hideTyping();
    this.store.reset();
    this.replyGroups.clear();
    this.log.replaceChildren();
    this.updateEmptyState();
    if (this.connection) {
      this.connection.restart();
      if (this.config.initPayload) this.connection.send(this.config.initPayload);
    } else {
      this.connect();
    }
    this.input.focus();
  }
}
