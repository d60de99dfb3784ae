import assert from "node:assert/strict";
import { test } from "node:test";

import { safeHttpUrl, splitLinks } from "../src/links.js";

test("plain text stays one text segment, newlines and markup included", () => {
  assert.deepEqual(splitLinks("줄 하나\n줄 둘 <b>굵게</b>"), [{ type: "text", text: "줄 하나\n줄 둘 <b>굵게</b>" }]);
});

test("an https URL becomes a link; Korean particles and sentence punctuation stay outside", () => {
  assert.deepEqual(splitLinks("자세한 내용은 https://example.org/a?b=1에서 보세요."), [
    { type: "text", text: "자세한 내용은 " },
    { type: "link", text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
    { type: "text", text: "에서 보세요." },
  ]);
  assert.deepEqual(splitLinks("(http://example.org/x)."), [
    { type: "text", text: "(" },
    { type: "link", text: "http://example.org/x", href: "http://example.org/x" },
    { type: "text", text: ")." },
  ]);
});

test("balanced brackets inside a URL are kept", () => {
  const [link] = splitLinks("https://example.org/wiki/A_(B) 참고").filter((s) => s.type === "link");
  assert.equal(link.text, "https://example.org/wiki/A_(B)");
});

test("only http and https become links", () => {
  for (const text of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org", "xhttps://example.org"]) {
    assert.ok(splitLinks(text).every((s) => s.type === "text"), text);
  }
  assert.equal(safeHttpUrl("javascript:alert(1)"), null);
  assert.equal(safeHttpUrl("https://"), null);
  assert.equal(safeHttpUrl("HTTPS://Example.org"), "https://example.org/");
});

test("a quote cannot break out of the href", () => {
  const segments = splitLinks('https://example.org/"onmouseover="alert(1)');
  assert.equal(segments[0].href, "https://example.org/");
  assert.equal(segments[1].text, '"onmouseover="alert(1)');
});

test("several links and odd input", () => {
  const segments = splitLinks("a https://a.example b http://b.example/ c");
  assert.deepEqual(segments.map((s) => s.type), ["text", "link", "text", "link", "text"]);
  assert.deepEqual(splitLinks(""), []);
  assert.deepEqual(splitLinks(undefined), []);
});
