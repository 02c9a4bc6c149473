/**
 * Ruby 3.1 forwards an anonymous block with a bare `&` (`def call(&) = run(&)`). tree-sitter-ruby
 * 0.23 reads it only when `)` follows on the same line, so the multi-line call style common in
 * Ruby code (`&` last in an argument list, `)` on the next line) is a syntax error — grape's
 * routing DSL among them. Moving the `)` next to the `&` and the line break after it keeps every
 * line and every offset after the call as they were.
 */
const BLOCK_FORWARD_BEFORE_LINE_BREAK = /([,(]\s*)&(\s*\n\s*)\)/g;

export function withBlockForwardingClosed(content: string): string {
  return content.includes('&') ? content.replace(BLOCK_FORWARD_BEFORE_LINE_BREAK, '$1&)$2') : content;
}
