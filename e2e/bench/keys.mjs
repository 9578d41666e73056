// The keystrokes `make bench` times, shared by speed.mjs and keystroke-trace.mjs: run inside the
// number frame (`frame.evaluate(typeDigits, count)`), it puts `count` digits in the field as the
// browser does (emptying it every 16 digits) and times each from the digit to the formatted
// value. Returns [start ms from the first key, µs] per key; the first key's start is marked
// `console.timeStamp('kstart')` for a trace to align with.
export function typeDigits(count) {
  const input = document.querySelector('input');
  const times = [];
  console.timeStamp('kstart');
  const base = performance.now();
  for (let k = 0; k < count; k += 1) {
    if (input.value.replace(/\D/g, '').length >= 16) {
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true }));
    }
    const digit = String((k * 7) % 10);
    const started = performance.now();
    input.value += digit;
    input.setSelectionRange(input.value.length, input.value.length);
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: digit, bubbles: true }));
    void input.value; // the formatted value, as the next paint reads it
    times.push([started - base, (performance.now() - started) * 1000]);
  }
  return times;
}
