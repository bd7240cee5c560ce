import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root")!).render(<main>工会服务</main>);
