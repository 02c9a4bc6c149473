import { commentText, declaredNames, MAX_DECLARED_NAMES } from './unparsed-source';

describe('declaredNames', () => {
  it.each([
    [
      'src/Language/Parser.hs',
      'module Language.Parser where\n\nparseExpr, parseTerm :: Parser Expr\nparseExpr = do\n  x <- term\n  where helper = 1\ndata Token = Ident String\nnewtype Span = Span Int\nclass (Show a) => Pretty a where\n',
      ['parseExpr', 'Token', 'Span', 'Pretty'],
    ],
    [
      'src/Main.elm',
      'module Main exposing (..)\n\nview : Model -> Html Msg\nview model =\n  text ""\ntype alias Model = {}\ntype Msg = Click\n',
      ['view', 'Model', 'Msg'],
    ],
    [
      'lib/parser.ml',
      'let rec parse_expr tokens =\n  let local = 1 in\n  local\ntype token = Ident of string\nmodule Lexer = struct end\n',
      ['parse_expr', 'token', 'Lexer'],
    ],
    [
      'src/cowboy_req.erl',
      '-module(cowboy_req).\n-record(state, {}).\nparse_header(Name, Req) ->\n    ok.\n',
      ['parse_header', 'state'],
    ],
    [
      'src/ring/util/response.clj',
      '(ns ring.util.response)\n(defn redirect\n  [url] {})\n(def ^:private default-status 302)\n',
      ['redirect', 'default-status'],
    ],
    ['lib/Mojo/UserAgent.pm', 'package Mojo::UserAgent;\nsub start {\n}\n', ['start', 'Mojo::UserAgent']],
    [
      'R/expect-equal.R',
      'expect_equal <- function(object, expected) {\n  compare(object)\n}\n`%||%` <- function(a, b) a\nReporter <- R6::R6Class("Reporter")\n',
      ['expect_equal', 'Reporter'],
    ],
    [
      'src/join.jl',
      'function innerjoin(df1, df2)\nend\nmutable struct DataFrame <: AbstractDataFrame\nend\nnrow(df::DataFrame) = size(df, 1)\n',
      ['innerjoin', 'DataFrame', 'nrow'],
    ],
    [
      'src/analysis.zig',
      'const std = @import("std");\npub fn resolveTypeOfNode(node: Ast.Node) ?Type {\n}\npub const DocumentStore = struct {\n};\n',
      ['resolveTypeOfNode', 'DocumentStore'],
    ],
    [
      'src/nimblepkg/options.nim',
      'type\n  Options* = object\n    verbose: bool\nproc parseCmdLine*(): Options =\n  discard\n',
      ['parseCmdLine', 'Options'],
    ],
    [
      'src/compiler/parser.cr',
      'module Crystal\n  class Parser < Lexer\n    def parse_expression?\n    end\n  end\nend\n',
      ['parse_expression?', 'Crystal', 'Parser'],
    ],
    [
      'src/main/groovy/Build.groovy',
      'class Build {\n  public static String name(int a) {\n  }\n  def run() {\n  }\n}\n',
      ['Build', 'name', 'run'],
    ],
    [
      'lib/git.zsh',
      'function git_current_branch() {\n}\nparse_git_dirty () {\n  if [[ -n $x ]]; then\n  fi\n}\n',
      ['git_current_branch', 'parse_git_dirty'],
    ],
  ])('%s', (path, content, names) => {
    expect(declaredNames(path, content).sort()).toEqual([...names].sort());
  });

  it('reads no names from a language it has no shapes for, nor from uses of a name', () => {
    expect(declaredNames('README.md', 'parse :: Parser\n')).toEqual([]);
    expect(declaredNames('src/a.hs', 'main = parseExpr input\n  where go :: Int\n')).toEqual([]);
  });

  it('keeps at most MAX_DECLARED_NAMES names of a generated file', () => {
    const content = Array.from({ length: MAX_DECLARED_NAMES + 50 }, (_, i) => `f${i} :: Int`).join('\n');
    expect(declaredNames('src/Table.hs', content)).toHaveLength(MAX_DECLARED_NAMES);
  });
});

describe('commentText', () => {
  it.each([
    [
      'src/Parser.hs',
      '-- | Parses a whole module.\nmodule P where\n{- Layout rules\n   live here. -}\nx = "-- not a comment"\n',
      'Parses a whole module.\nLayout rules\nlive here.',
    ],
    ['tools/install.sh', '#!/bin/sh\n# Installs the theme.\necho "#no"\n', 'Installs the theme.'],
    ['src/cowboy_req.erl', '%% Reads the request body.\nbody(Req) -> ok.\n', 'Reads the request body.'],
    ['lib/parser.ml', '(* Tokens of the lexer *)\nlet x = 1\n', 'Tokens of the lexer'],
    ['src/join.jl', '#= Joins two frames. =#\n# on keys\n', 'Joins two frames.\non keys'],
  ])('%s', (path, content, comments) => {
    expect(commentText(path, content)).toBe(comments);
  });

  it('skips a licence header, as the parsers do, and reads nothing from a language it does not know', () => {
    expect(
      commentText(
        'R/a.R',
        '# Copyright 2024 Acme\n# Licensed under the MIT licence.\n\n# Sums the ledger.\n# In cents.\nsum <- 1\n',
      ),
    ).toBe('Sums the ledger.\nIn cents.');
    expect(commentText('notes.txt', '# heading\n')).toBe('');
  });
});
