// The link to Rasa's socketio channel (rasa/core/channels/socketio.py):
//   client → session_request {session_id}     server → session_confirm <session_id>
//   client → user_uttered {message, session_id}
//   server → bot_uttered {text, quick_replies?} | {attachment} | custom
// With `session_persistence: true` the server puts this socket into the room named after the session id and
// answers to that room, so a message must not go out before session_confirm on the current connection. Our
// own queue holds messages until then (socket.io's send buffer would flush them before session_request on a
// reconnect, and their answers would be lost).

import { io } from "socket.io-client";

/** @typedef {"connecting" | "online" | "offline" | "failed"} Status */

export class RasaConnection {
  /**
   * @param {{origin: string, path: string, getSessionId: () => string,
   *          onBotMessage: (data: any) => void, onStatus: (status: Status) => void}} options
   */
  constructor({ origin, path, getSessionId, onBotMessage, onStatus }) {
    this.getSessionId = getSessionId;
    this.onBotMessage = onBotMessage;
    this.onStatus = onStatus;
    this.confirmed = false;
    /** @type {Array<{message: string}>} */
    this.queue = [];
    this.socket = io(origin, {
      path,
      autoConnect: false,
      // WebSocket first (no cross-origin long polling needed); fall back to polling if it is blocked.
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10000,
      randomizationFactor: 0.5,
      timeout: 10000,
    });
    this.socket.on("connect", () => {
      this.confirmed = false;
      this.onStatus("connecting");
      this.socket.emit("session_request", { session_id: this.getSessionId() });
    });
    this.socket.on("session_confirm", (sessionId) => {
      // Rasa echoes the id it was given; a confirm for an older id (after "새 대화") is ignored.
      const confirmedId = typeof sessionId === "string" ? sessionId : sessionId?.session_id;
      if (confirmedId && confirmedId !== this.getSessionId()) return;
      this.confirmed = true;
      this.onStatus("online");
      this.flush();
    });
    this.socket.on("bot_uttered", (data) => this.onBotMessage(data));
    this.socket.on("disconnect", (reason) => {
      this.confirmed = false;
      this.onStatus("offline");
      // socket.io does not reconnect by itself after the server closed the socket on purpose.
      if (reason === "io server disconnect") this.socket.connect();
    });
    this.socket.on("connect_error", () => {
      this.confirmed = false;
      // `active` is false when the server refused the connection (e.g. a JWT check): retrying will not help.
      this.onStatus(this.socket.active ? "offline" : "failed");
    });
  }

  start() {
    this.onStatus("connecting");
    this.socket.connect();
  }

  /** Sends a user message now if the session is confirmed, else as soon as it is. */
  send(message) {
    this.queue.push({ message });
    this.flush();
  }

  flush() {
    if (!this.confirmed || !this.socket.connected) return;
    while (this.queue.length > 0) {
      const { message } = this.queue.shift();
      this.socket.emit("user_uttered", { message, session_id: this.getSessionId() });
    }
  }

  /** Starts over on a fresh socket (new sid, so no room of the old session is still joined). */
  restart() {
    this.queue = [];
    this.confirmed = false;
    this.socket.disconnect();
    this.start();
  }

  close() {
    this.socket.disconnect();
  }
}
