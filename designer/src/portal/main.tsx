import { createRoot } from "react-dom/client";
import "./portal.css";
import { App } from "./app";

createRoot(document.getElementById("root")!).render(<App />);
