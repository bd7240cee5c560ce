import { startTransition } from "react";
import { createRoot } from "react-dom/client";
import "./portal.css";
import { App } from "./app";

// Rendered as a transition, so that React yields to the browser every few milliseconds while it renders: the first
// screen the server drew (first-screen.ts) keeps answering taps and typing meanwhile. On a slow phone the app's first
// render takes a few hundred milliseconds of CPU, which was one long task.
const root = createRoot(document.getElementById("root")!);
startTransition(() => root.render(<App />));
