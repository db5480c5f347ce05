// Two StrykerJS plugins for `npm run mutation` (see docs/testing.md).
//
// 1. `vitest-load-aware`: the vitest runner, except that a test file which fails to load under a
//    mutant (a policy defined at the top of the file now throws) counts as a failing test. The
//    runner of @stryker-mutator/vitest-runner 9.6.1 sees no test results for such a file and
//    reports the mutant as Survived, although the suite caught it.
// 2. `message-text`: ignores mutants inside a reason's or an issue's `message`, and texts passed
//    to a `messages.*` function (the words people read), so the score measures decisions, codes
//    and facts, not prose. Messages are still tested
//    where they carry a decision (e.g. a did-you-mean); they are not snapshot to kill text mutants.

import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { PluginKind, commonTokens, declareFactoryPlugin, declareValuePlugin, tokens } from '@stryker-mutator/api/plugin';
import { DryRunStatus, TestStatus } from '@stryker-mutator/api/test-runner';

// The runner class is not exported by the package's `exports`; a file URL reaches it.
const { VitestTestRunner } = await import(new URL('../../node_modules/@stryker-mutator/vitest-runner/dist/src/vitest-test-runner.js', import.meta.url).href);

class LoadAwareVitestTestRunner extends VitestTestRunner {
  async run(options) {
    const result = await super.run(options);
    if (result.status !== DryRunStatus.Complete) return result;
    const broken = this.ctx.state.getFiles().filter((file) => (file.result?.errors?.length ?? 0) > 0);
    if (broken.length === 0) return result;
    const failed = broken.map((file) => ({
      id: `${file.filepath}#load`,
      name: `loading ${file.name}`,
      fileName: file.filepath,
      status: TestStatus.Failed,
      failureMessage: `the test file failed to load: ${file.result.errors[0]?.message ?? 'unknown error'}`,
      timeSpentMs: 0,
    }));
    return { ...result, tests: [...result.tests, ...failed] };
  }
}

function createLoadAwareRunner(injector) {
  return injector.provideValue('globalNamespace', INSTRUMENTER_CONSTANTS.NAMESPACE).injectClass(LoadAwareVitestTestRunner);
}
createLoadAwareRunner.inject = tokens(commonTokens.injector);

/** True when the node is a text given to a `messages.*` function (the words of a message). */
function messageArgument(path) {
  const node = path.node;
  if (node.type !== 'StringLiteral' && node.type !== 'TemplateLiteral') return false;
  const call = path.parentPath?.node;
  return (
    call?.type === 'CallExpression' &&
    call.arguments.includes(node) &&
    call.callee.type === 'MemberExpression' &&
    call.callee.object.type === 'Identifier' &&
    call.callee.object.name === 'messages'
  );
}

/** True when the node sits in the value of an object property named `message`. */
function inMessage(path) {
  for (let p = path; p; p = p.parentPath) {
    const node = p.node;
    if (node.type === 'ObjectProperty' && !node.computed && ((node.key.type === 'Identifier' && node.key.name === 'message') || (node.key.type === 'StringLiteral' && node.key.value === 'message'))) {
      return p.get('value') === path || isInside(path, p.get('value'));
    }
    if (node.type === 'Program' || node.type.endsWith('Statement') || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration') return false;
  }
  return false;
}

function isInside(path, ancestor) {
  for (let p = path; p; p = p.parentPath) if (p.node === ancestor.node) return true;
  return false;
}

export const strykerPlugins = [
  declareFactoryPlugin(PluginKind.TestRunner, 'vitest-load-aware', createLoadAwareRunner),
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    shouldIgnore(path) {
      return inMessage(path) || messageArgument(path) ? 'the text of a message people read (docs/testing.md)' : undefined;
    },
  }),
];
