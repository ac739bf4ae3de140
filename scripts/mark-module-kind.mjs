// Writes a package.json with "type" into each build folder, so Node reads
// the CommonJS and the ES module builds of one package each the right way.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  writeFileSync(join(args[i], 'package.json'), JSON.stringify({ type: args[i + 1] }) + '\n');
}
