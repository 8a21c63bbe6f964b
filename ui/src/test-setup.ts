// Component tests run in jsdom; nothing global is needed beyond Testing Library's
// automatic cleanup, which the svelteTesting() Vite plugin installs.
export {};
