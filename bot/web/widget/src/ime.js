// Enter-to-send that is safe with a Korean IME.
//
// While a syllable is being composed, the browser reports Enter with `isComposing` true and/or keyCode 229
// (Chrome on Windows even reports key "Process"). Sending at that moment sends "안녕하세" and then "요", or
// leaves the last syllable behind. So: Enter during composition only remembers that Enter was pressed;
// the message is sent once the composition ends, so one Enter is enough. Browsers that deliver the commit
// Enter after `compositionend` (Safari: keyCode 229, isComposing false) are sent at once, and an extra Enter
// keydown after the commit (Chrome on macOS) finds the box already empty, so nothing is sent twice.

function isEnterKey(event) {
  return event.key === "Enter" || event.code === "Enter" || event.code === "NumpadEnter";
}

/**
 * @param {HTMLTextAreaElement} textarea
 * @param {() => void} submit called when the user means to send; reads and clears the textarea itself
 * @returns {() => void} detaches the listeners
 */
export function enterToSend(textarea, submit) {
  let composing = false;
  let enterPressedWhileComposing = false;

  const submitAfterCommit = () => {
    // Let the browser finish the commit (the final `input` event comes after compositionend in Firefox).
    setTimeout(submit, 0);
  };

  const onCompositionStart = () => {
    composing = true;
    enterPressedWhileComposing = false;
  };

  const onCompositionEnd = () => {
    composing = false;
    if (enterPressedWhileComposing) {
      enterPressedWhileComposing = false;
      submitAfterCommit();
    }
  };

  const onKeyDown = (event) => {
    if (!isEnterKey(event)) return;
    if (event.shiftKey) {
      // Shift+Enter: a new line (the browser's default), never a send.
      if (composing || event.isComposing) enterPressedWhileComposing = false;
      return;
    }
    if (event.isComposing || event.keyCode === 229) {
      if (composing || event.isComposing) {
        // The IME still owns this Enter: it commits the syllable. Send when the composition ends.
        enterPressedWhileComposing = true;
        return;
      }
      // The composition has already ended (Safari reports the commit Enter afterwards).
      event.preventDefault();
      submitAfterCommit();
      return;
    }
    event.preventDefault();
    submit();
  };

  const onBlur = () => {
    enterPressedWhileComposing = false;
  };

  textarea.addEventListener("compositionstart", onCompositionStart);
  textarea.addEventListener("compositionend", onCompositionEnd);
  textarea.addEventListener("keydown", onKeyDown);
  textarea.addEventListener("blur", onBlur);
  return () => {
    textarea.removeEventListener("compositionstart", onCompositionStart);
    textarea.removeEventListener("compositionend", onCompositionEnd);
    textarea.removeEventListener("keydown", onKeyDown);
    textarea.removeEventListener("blur", onBlur);
  };
}
