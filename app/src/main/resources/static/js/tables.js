// A table wider than the screen scrolls sideways inside its own box (portal.css); such a box takes the keyboard
// focus, so that it can be scrolled without a mouse (WCAG 2.1.1), and says what it holds. Only boxes that scroll.
(function () {
  function scrollBoxes() {
    document.querySelectorAll('main table').forEach(function (table) {
      var box = table.closest('.table-scroll') || table;
      // any overflow, even one pixel, makes a scrollable region for assistive technology
      var scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('data-scroll-box', '');
        if (box !== table) {
          box.setAttribute('role', 'region');
          var caption = table.querySelector('caption');
          box.setAttribute('aria-label', caption ? caption.textContent.trim() : document.title);
        }
      } else if (!scrolls && box.hasAttribute('data-scroll-box')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('data-scroll-box');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', scrollBoxes);
  window.addEventListener('load', scrollBoxes); // again once fonts and images have settled the widths
  window.addEventListener('resize', scrollBoxes);
  document.addEventListener('htmx:afterSettle', scrollBoxes);
})();
