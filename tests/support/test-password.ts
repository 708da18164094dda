/** The password every test user gets (its own module so app-server and factories need not import each other). */
export const TEST_PASSWORD = "correct horse battery";
