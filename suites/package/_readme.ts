import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * The README's jest quick start, as written: the test file, jest.config.mjs and tsconfig.json
 * are taken from the README's code blocks, so the package test runs exactly what users copy.
 */

function block(readme: string, lang: string, firstLine: string): string {
  const re = new RegExp(
    `\`\`\`${lang}\\n(${firstLine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?)\`\`\``,
  );
  const m = re.exec(readme);
  if (m === null) throw new Error(`README has no ${lang} block starting with ${firstLine}`);
  return m[1] as string;
}

/**
 * The built validator the snippet names (`dist/validator.js`, plain JavaScript: it runs in a
 * worker thread, out of ts-jest's reach): the package's oracle, except that it allows long handles.
 */
const VALIDATOR = `import { check } from 'atproto-session-conformance';

export default {
  name: 'readme-validator',
  kinds: ['handle', 'did'],
  validate: (kind, value) =>
    check(kind, value).violations.every((id) => id === 'handle.length.max'),
};
`;

/**
 * Writes the README's jest project into `dir` inside the consumer project. jest and ts-jest are
 * dev tools of the user's project: they are linked from this repository's install.
 */
export async function writeReadmeJestProject(
  readmePath: string,
  dir: string,
  consumerModules: string,
  repoModules: string,
): Promise<void> {
  const readme = await readFile(readmePath, 'utf8');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "name": "readme-jest", "type": "module" }\n');
  await writeFile(join(dir, 'validator.test.ts'), block(readme, 'ts', '// validator.test.ts'));
  await writeFile(join(dir, 'jest.config.mjs'), block(readme, 'js', '// jest.config.mjs'));
  await writeFile(join(dir, 'tsconfig.json'), block(readme, 'json', '{\n  "compilerOptions"'));
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'dist', 'validator.js'), VALIDATOR);
  for (const name of ['jest', 'ts-jest', 'typescript', '@types/jest']) {
    const link = join(consumerModules, name);
    await mkdir(join(link, '..'), { recursive: true });
    await symlink(join(repoModules, name), link).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}
