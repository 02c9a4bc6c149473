import { analyseSource } from '../analyse-source';
import { asFirstConfiguration } from './preprocessing';

const C = { cplusplus: false, macros: true };
const CPP = { cplusplus: true, macros: true };

/** The lines that still hold code after the conditionals are resolved. */
function kept(source: string[], options = C): string[] {
  const out = asFirstConfiguration(source.join('\n'), options);
  expect(out.length).toBe(source.join('\n').length);
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('asFirstConfiguration', () => {
  it('keeps the first branch of each conditional and blanks the others and the directives', () => {
    expect(
      kept([
        '#ifdef _WIN32',
        'int a;',
        '#elif defined(__APPLE__)',
        'int b;',
        '#else',
        'int c;',
        '#endif',
        'int d;',
      ]),
    ).toEqual(['int a;', 'int d;']);
  });

  it('reads Swift’s #elseif as #elif', () => {
    expect(kept(['#if os(iOS)', 'let a = 1', '#elseif os(macOS)', 'let b = 2', '#endif'])).toEqual([
      'let a = 1',
    ]);
    expect(
      kept(['#if 0', 'let a = 1', '#elseif os(macOS)', 'let b = 2', '#else', 'let c = 3', '#endif']),
    ).toEqual(['let b = 2']);
  });

  it('resolves what it knows: #if 0, #if 1 and __cplusplus by the file’s language', () => {
    expect(kept(['#if 0', 'broken(', '#else', 'int b;', '#endif'])).toEqual(['int b;']);
    expect(kept(['#if 1', 'int a;', '#else', 'int b;', '#endif'])).toEqual(['int a;']);
    const guard = [
      '#ifdef __cplusplus',
      'extern "C" {',
      '#endif',
      'int f(void);',
      '#if defined(__cplusplus)',
      '}',
      '#endif',
    ];
    expect(kept(guard, C)).toEqual(['int f(void);']);
    expect(kept(guard, CPP)).toEqual(['extern "C" {', 'int f(void);', '}']);
    expect(kept(['#ifndef __cplusplus', 'typedef int bool;', '#endif'], CPP)).toEqual([]);
    expect(kept(['#if __cplusplus >= 201103L', 'constexpr int x = 1;', '#endif'], C)).toEqual([]);
  });

  it('blanks conditionals nested in a dropped branch, and a directive continued over lines', () => {
    expect(
      kept([
        '#if defined(A) && \\',
        '    defined(B)',
        'int a;',
        '#else',
        '#ifdef C',
        'int c;',
        '#endif',
        '#endif',
      ]),
    ).toEqual(['int a;']);
  });

  it('keeps comments and includes in a dropped branch, and ignores directives inside comments and strings', () => {
    expect(
      kept([
        '#ifdef _WIN32',
        '#include <windows.h>',
        '#else',
        '#include <unistd.h>',
        'int posix; /* the POSIX way */',
        '#endif',
        '/*',
        '#if 0',
        '*/',
        'int after;',
      ]),
    ).toEqual([
      '#include <windows.h>',
      '#include <unistd.h>',
      '/* the POSIX way */',
      '/*',
      '#if 0',
      '*/',
      'int after;',
    ]);
    expect(kept(['var s = @"first', '#if X', 'last";', '#if Y', 'int y;', '#endif'])).toEqual([
      'var s = @"first',
      '#if X',
      'last";',
      'int y;',
    ]);
  });

  it('blanks macros where a declaration or a parameter name would be, and va_arg’s type', () => {
    const source = [
      'UNITTEST void reset(struct conn *c);',
      'CURL_EXTERN CURL *curl_easy_init(void);',
      'int cmd_main(int argc UNUSED, const char **argv UNUSED)',
      '{',
      '  char *s = va_arg(ap, char *);',
      '  return sizeof(struct MQTT) * MAX_SCORE + f(a, LIMIT) + (x * SCALE);',
      '}',
    ];
    const out = asFirstConfiguration(source.join('\n'), C).split('\n');
    expect(out.map((line) => line.replace(/ +/g, ' ').trim())).toEqual([
      'void reset(struct conn *c);',
      'CURL *curl_easy_init(void);',
      'int cmd_main(int argc , const char **argv )',
      '{',
      'char *s = va_arg(ap,0 );',
      'return sizeof(struct MQTT) * MAX_SCORE + f(a, LIMIT) + (x * SCALE);',
      '}',
    ]);
    expect(out.join('\n')).toHaveLength(source.join('\n').length);
  });

  it('blanks a macro alone on its line between declarations, never a value or an enumerator', () => {
    expect(
      kept([
        'JEMALLOC_DIAGNOSTIC_PUSH',
        'static int f(void) { return 0; }',
        'JEMALLOC_NOINLINE',
        'static int g(void)',
        'BEGIN_DECLS_AFTER_SIGNATURE',
        '{ return 1; }',
        'enum { FIRST,',
        '  LAST',
        '};',
        'int v =',
        '#ifdef WIDE',
        '  VALUE_WIDE',
        '#else',
        '  VALUE_NARROW',
        '#endif',
        ';',
        '/*',
        'NOTE',
        '*/',
      ]),
    ).toEqual([
      'static int f(void) { return 0; }',
      'static int g(void)',
      '{ return 1; }',
      'enum { FIRST,',
      'LAST',
      '};',
      'int v =',
      'VALUE_WIDE',
      ';',
      '/*',
      'NOTE',
      '*/',
    ]);
  });

  it('blanks a lone macro with arguments too, but not one that heads a function body or a continued statement', () => {
    expect(
      kept([
        '#define GENERATE_TEST(f) \\',
        'TEST_BEGIN(test_##f) { run(f); } \\',
        'TEST_END',
        'GENERATE_TEST(dict)',
        'GENERATE_TEST(types)',
        'REDIS_NO_SANITIZE("alignment")',
        'void bitop(client *c) { }',
        'TEST(Cart, Totals)',
        '{ }',
        'void check(int n) {',
        '  ASSERT_EQ(1, n)',
        '      << "one expected";',
        '}',
      ]),
    ).toEqual([
      '#define GENERATE_TEST(f) \\',
      'TEST_BEGIN(test_##f) { run(f); } \\',
      'TEST_END',
      'void bitop(client *c) { }',
      'TEST(Cart, Totals)',
      '{ }',
      'void check(int n) {',
      'ASSERT_EQ(1, n)',
      '<< "one expected";',
      '}',
    ]);
  });

  it('leaves comments, strings and C# alone', () => {
    const text = ['/* UNITTEST void f(int argc UNUSED) */', 'const char *s = "int argc UNUSED)";'].join('\n');
    expect(asFirstConfiguration(text, C)).toBe(text);
    const csharp = 'PUBLIC void Run(int count UNUSED) {}';
    expect(asFirstConfiguration(csharp, { cplusplus: false, macros: false })).toBe(csharp);
  });

  it('returns text without conditionals as it is', () => {
    const text = '#include <stdio.h>\nint main(void) { return 0; }\n';
    expect(asFirstConfiguration(text, C)).toBe(text);
  });
});

describe('C-family files with conditional compilation', () => {
  it('parse as the first configuration, with every line counted as written', () => {
    const header = [
      '#ifndef SHOP_H',
      '#define SHOP_H',
      '#ifdef __cplusplus',
      'extern "C" {',
      '#endif',
      'int total(int n) {',
      '  if (n > 0 ||',
      '#ifdef WIDE',
      '      n < -100 ||',
      '#endif',
      '      n == -1) return n;',
      '  return 0;',
      '}',
      '#ifdef __cplusplus',
      '}',
      '#endif',
      '#endif',
    ].join('\n');
    const facts = analyseSource('shop.h', header)!;
    expect(facts.parseError).toBeUndefined();
    expect(facts.loc).toBe(17);
    // 1 + if + the two || the kept branch holds
    expect(facts.functions.map((f) => [f.name, f.line, f.complexity])).toEqual([['total', 6, 4]]);
  });

  it('parse with the macros C puts in declarations', () => {
    const source = [
      'static int cmd_log(int argc UNUSED, const char **argv UNUSED, const char *prefix UNUSED)',
      '{',
      '  return argc > 1 ? 1 : 0;',
      '}',
      'UNITTEST bool is_ok(const char *p)',
      '{',
      '  const char *q = va_arg(ap, const char *);',
      '  return p && q;',
      '}',
    ].join('\n');
    const facts = analyseSource('builtin/log.c', source)!;
    expect(facts.parseError).toBeUndefined();
    expect(facts.functions.map((f) => [f.name, f.complexity])).toEqual([
      ['cmd_log', 2],
      ['is_ok', 2],
    ]);
  });

  it('parse Objective-C headers with NS_ENUM types and macros between declarations', () => {
    const header = [
      '#import <Foundation/Foundation.h>',
      'NS_ASSUME_NONNULL_BEGIN',
      'typedef NS_ENUM(NSInteger, SDImageCacheType) {',
      '    SDImageCacheTypeNone,',
      '    SDImageCacheTypeDisk',
      '};',
      '@interface SDImageCache : NSObject',
      '- (void)clear;',
      '@end',
      'NS_SWIFT_NONISOLATED',
      '@interface SDImageCacheConfig : NSObject',
      '@end',
      'NS_ASSUME_NONNULL_END',
    ].join('\n');
    const facts = analyseSource('SDImageCache.h', header)!;
    expect(facts.language).toBe('objc');
    expect(facts.parseError).toBeUndefined();
    expect(facts.symbols).toEqual(
      expect.arrayContaining(['SDImageCacheType', 'SDImageCache', 'SDImageCacheConfig']),
    );
    expect(facts.loc).toBe(13);
  });

  it('say where a token is missing when that is the error', () => {
    const facts = analyseSource('a.c', 'int f(void) {\n  int x = 1\n  return x;\n}\n')!;
    expect(facts.parseError).toBe('line 2: missing ;');
  });

  it('parse a C# file-based app, its #: directives skipped as the compiler skips them', () => {
    const source = [
      '#!/usr/bin/env dotnet',
      '#:package Cake.FileHelpers@7.0.0',
      'Console.WriteLine("hi");',
    ].join('\n');
    const facts = analyseSource('cake.cs', source)!;
    expect(facts.parseError).toBeUndefined();
    expect(facts.loc).toBe(3);
  });

  it('parse a C# member whose expression differs per target framework', () => {
    const source = [
      'internal static class KeyHelper',
      '{',
      '    public static string GuidPart() =>',
      '#if NET6_0_OR_GREATER',
      '        Guid.NewGuid().ToString()[..8];',
      '#else',
      '        Guid.NewGuid().ToString().Substring(0, 8);',
      '#endif',
      '}',
    ].join('\n');
    const facts = analyseSource('KeyHelper.cs', source)!;
    expect(facts.parseError).toBeUndefined();
    expect(facts.functions.map((f) => f.name)).toEqual(['KeyHelper.GuidPart']);
  });
});
