/** The push approval factor: companion devices, pairing and sign-in attempts. */
export default {
  contentTypes: {},
  controllers: {},
  services: {},
  routes: [] as unknown[],
};
