/**
 * The Python the bench runs scikit-learn with. scikit-learn here is Debian's
 * (python3-sklearn), installed for /usr/bin/python3; a pyenv or venv `python3` earlier on
 * the PATH usually lacks it, so /usr/bin/python3 is tried before `python3`. $PYTHON, when set, is the only one tried.
 */
import { spawnSync } from 'node:child_process';

export interface SklearnPython {
  command: string;
  sklearn: string;
}

/** The first interpreter that imports scikit-learn and the given modules, or null. */
export function findSklearnPython(modules: string[] = []): SklearnPython | null {
  const imports = ['sklearn', ...modules].join(', ');
  // $PYTHON alone when set, so a run can also be made without scikit-learn (PYTHON=none).
  for (const command of process.env.PYTHON ? [process.env.PYTHON] : ['/usr/bin/python3', 'python3']) {
    const run = spawnSync(command, ['-c', `import ${imports}; print(sklearn.__version__)`], { encoding: 'utf8' });
    if (run.status === 0) return { command, sklearn: run.stdout.trim() };
  }
  return null;
}
