// The conversation kept across page loads: the Rasa session id and the rendered messages, in localStorage.
// Storage can be unavailable (privacy modes, quota): then the conversation lives for this page only.

const VERSION = 1;
const MAX_MESSAGES = 200;

/** A new session id: 32 hex characters, like the ids Rasa makes itself (works without a secure context). */
export function newSessionId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function storageOrNull(kind) {
  try {
    const storage = window[kind];
    const probe = "__seoul_chat_probe__";
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

function isMessage(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    (value.role === "user" || value.role === "bot") &&
    typeof value.text === "string"
  );
}

function isReply(value) {
  return value !== null && typeof value === "object" && typeof value.title === "string" && typeof value.payload === "string";
}

/** A stored message with only the fields the widget writes, in the shapes it writes them. */
function cleanMessage(value) {
  const message = { role: value.role, text: value.text };
  if (Array.isArray(value.replies)) {
    message.replies = value.replies.filter(isReply).map(({ title, payload }) => ({ title, payload }));
    message.repliesUsed = value.repliesUsed === true;
  }
  if (value.link && typeof value.link.href === "string" && typeof value.link.label === "string") {
    message.link = { href: value.link.href, label: value.link.label };
  }
  return message;
}

/**
 * @typedef {{title: string, payload: string}} QuickReply
 * @typedef {{role: "user" | "bot", text: string, replies?: QuickReply[], repliesUsed?: boolean,
 *            link?: {href: string, label: string}}} StoredMessage
 */
export class ConversationStore {
  /** @param {string} key */
  constructor(key) {
    this.key = key;
    this.storage = storageOrNull("localStorage");
    this.sessionStorage = storageOrNull("sessionStorage");
    /** @type {string} */
    this.sessionId = "";
    /** @type {StoredMessage[]} */
    this.messages = [];
    this.load();
  }

  load() {
    let saved = null;
    try {
      saved = JSON.parse(this.storage?.getItem(this.key) ?? "null");
    } catch {
      saved = null;
    }
    if (saved && saved.v === VERSION && typeof saved.sessionId === "string" && /^[\w-]{8,64}$/.test(saved.sessionId)) {
      this.sessionId = saved.sessionId;
      this.messages = Array.isArray(saved.messages) ? saved.messages.filter(isMessage).map(cleanMessage) : [];
    } else {
      this.sessionId = newSessionId();
      this.messages = [];
    }
  }

  save() {
    if (this.messages.length > MAX_MESSAGES) this.messages = this.messages.slice(-MAX_MESSAGES);
    try {
      this.storage?.setItem(
        this.key,
        JSON.stringify({ v: VERSION, sessionId: this.sessionId, messages: this.messages }),
      );
    } catch {
      // Quota exceeded or storage revoked: keep going with the in-memory copy.
    }
  }

  /** @param {StoredMessage} message */
  add(message) {
    this.messages.push(message);
    this.save();
    return message;
  }

  /** Forgets the conversation and starts a new session id. */
  reset() {
    this.sessionId = newSessionId();
    this.messages = [];
    this.save();
  }

  /** Whether the panel was open in this tab (restored after a reload or a page change). */
  get panelOpen() {
    try {
      return this.sessionStorage?.getItem(`${this.key}:open`) === "1";
    } catch {
      return false;
    }
  }

  set panelOpen(open) {
    try {
      if (open) this.sessionStorage?.setItem(`${this.key}:open`, "1");
      else this.sessionStorage?.removeItem(`${this.key}:open`);
    } catch {
      // ignore
    }
  }
}
