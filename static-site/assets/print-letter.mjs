// A printable letter's "Print this letter" button (staff/letters/letter): shown only when scripts run, it opens the
// browser's print window. Without scripts the page says to use the browser's print command instead.
for (const button of document.querySelectorAll('[data-involve-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
