// Component tests run in jsdom. Testing Library's automatic cleanup comes from
// the svelteTesting() Vite plugin; jsdom lacks only the modal half of
// <dialog>, which WebKit has, so it is filled in here: open, and shown on top.
if (typeof HTMLDialogElement !== "undefined" && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.open = false;
  };
}
export {};
