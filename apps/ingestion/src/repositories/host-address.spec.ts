import { blockedHostReason, isLoopbackHost, parseIpv4, parseIpv6 } from './host-address';

describe('parseIpv4', () => {
  it.each([
    ['169.254.169.254', [169, 254, 169, 254]],
    ['0xa9fea9fe', [169, 254, 169, 254]],
    ['2852039166', [169, 254, 169, 254]],
    ['0251.0376.0251.0376', [169, 254, 169, 254]],
    ['169.254.43518', [169, 254, 169, 254]],
    ['169.16689662', [169, 254, 169, 254]],
    ['0', [0, 0, 0, 0]],
    ['127.1', [127, 0, 0, 1]],
  ])('reads %s as inet_aton does', (text, bytes) => {
    expect(parseIpv4(text)).toEqual(bytes);
  });

  it.each(['github.com', '256.1.1.1', '1.2.3.4.5', '4294967296', '1..2', '08.1.1.1', '0xg1', ''])(
    'refuses %s',
    (text) => {
      expect(parseIpv4(text)).toBeNull();
    },
  );
});

describe('parseIpv6', () => {
  it('expands :: and reads embedded IPv4 and zone ids', () => {
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('[fd00:ec2::254]')).toEqual([0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254]);
    expect(parseIpv6('::ffff:169.254.1.2')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xa9fe, 0x0102]);
    expect(parseIpv6('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it.each([
    'github.com',
    '1:2:3',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4::5:6:7:8',
    '::12345',
    '::ffff:1.2.3',
  ])('refuses %s', (text) => {
    expect(parseIpv6(text)).toBeNull();
  });
});

describe('blockedHostReason', () => {
  it.each([
    ['169.254.169.254', 'metadata'],
    ['metadata.google.internal', 'metadata'],
    ['Metadata.Google.Internal.', 'metadata'],
    ['metadata', 'metadata'],
    ['[fd00:ec2::254]', 'metadata'],
    ['[::ffff:a9fe:a9fe]', 'metadata'],
    ['[64:ff9b::169.254.169.254]', 'metadata'],
    ['169.254.0.1', 'link-local'],
    ['[fe80::abcd]', 'link-local'],
    ['[FEBF::1]', 'link-local'],
    ['[::169.254.3.4]', 'link-local'],
  ])('blocks %s (%s)', (host, kind) => {
    expect(blockedHostReason(host)).toContain(kind);
  });

  it.each([
    'github.com',
    '10.0.0.1',
    '127.0.0.1',
    '[::1]',
    '[::]',
    '[fec0::1]',
    '169.253.255.255',
    'metadata.example.com',
  ])('lets %s through', (host) => {
    expect(blockedHostReason(host)).toBeNull();
  });
});

describe('isLoopbackHost', () => {
  it('knows localhost, 127/8 and ::1, nothing else', () => {
    expect(
      ['localhost', 'LOCALHOST.', '127.0.0.1', '127.9.9.9', '[::1]', '0x7f000001'].map(isLoopbackHost),
    ).toEqual(Array(6).fill(true));
    expect(['example.com', '10.0.0.1', '[::2]', 'localhost.example.com'].map(isLoopbackHost)).toEqual(
      Array(4).fill(false),
    );
  });
});
