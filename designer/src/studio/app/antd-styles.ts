import "antd/dist/antd.css";
import type { ThemeConfig } from "antd";

/**
 * antd's component styles come from its prebuilt stylesheet instead of being generated in the browser the first
 * time each component renders. Only the theme's CSS variables are still written at run time. The Studio and its
 * benchmark page both use this theme, so the benchmark measures what ships.
 */
export const studioTheme: ThemeConfig = { zeroRuntime: true };
