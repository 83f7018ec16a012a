import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session-auth";
import { loginHandler, logoutHandler, meHandler, signupHandler } from "./auth.handlers";
import { login, logout, me, signup } from "./auth.routes";

const router = createRouter();
router.use("/api/auth/logout", requireSession);
router.use("/api/me", requireSession);
router.openapi(signup, signupHandler).openapi(login, loginHandler).openapi(logout, logoutHandler).openapi(me, meHandler);

export default router;
