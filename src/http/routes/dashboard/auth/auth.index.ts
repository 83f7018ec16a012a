import { createRouter } from "../../../create-router";
import { loginHandler, logoutHandler, meHandler, signupHandler } from "./auth.handlers";
import { login, logout, me, signup } from "./auth.routes";

const router = createRouter();
router.openapi(signup, signupHandler).openapi(login, loginHandler).openapi(logout, logoutHandler).openapi(me, meHandler);

export default router;
