/**
 * Visual Studio's T4 text templates write their output beside them under the same name:
 * `FluentDate/In.Months.tt` → `FluentDate/In.Months.cs`. Such a file changes whenever its template
 * does and is never edited by hand, though nothing in it says so.
 */
const TEMPLATE = /\.(tt|t4)$/i;

/** Whether a path is the output of a T4 template in the same tree. */
export function templateOutputsOf(paths: readonly string[]): (path: string) => boolean {
  const stems = new Set(paths.filter((p) => TEMPLATE.test(p)).map((p) => p.replace(TEMPLATE, '')));
  if (stems.size === 0) return () => false;
  return (path) => {
    if (TEMPLATE.test(path)) return false;
    const dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') + 1 && stems.has(path.slice(0, dot));
  };
}
