// Removes this run's compiled libs/ (see worker-threads.global-setup.cjs).
const { rmSync } = require('node:fs');

module.exports = async function removeCompiledLibs() {
  const dir = process.env.VIGIL_TEST_COMPILED_LIBS;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
