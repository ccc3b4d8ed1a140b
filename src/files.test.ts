import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  DOCX,
  downloadHeaders,
  looksLikeText,
  mediaTypeOf,
  safeFilename,
  sha256Hex,
  sniffMediaType,
} from './files.ts';
import { sampleDocx, sampleExe, sampleJpeg, samplePdf, samplePng, sampleText, sampleZip } from './testing/files.ts';

describe('what the first bytes say a file is', () => {
  it.each([
    ['PDF', samplePdf(), 'application/pdf'],
    ['PNG', samplePng(), 'image/png'],
    ['JPEG', sampleJpeg(), 'image/jpeg'],
    ['Windows program (MZ)', sampleExe(), 'executable'],
    ['ELF program', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'executable'],
    ['Mach-O program', new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'executable'],
    ['shell script', new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'), 'executable'],
    ['plain text', sampleText(), null],
    ['empty', new Uint8Array(), null],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffMediaType(bytes)).toBe(expected);
  });

  it('tells a DOCX from another zip', async () => {
    expect(sniffMediaType(await sampleDocx())).toBe(DOCX);
    expect(sniffMediaType(await sampleZip())).toBe('application/zip');
  });
});

describe('text', () => {
  it.each([
    ['UTF-8 Chinese', sampleText(), true],
    ['GB18030 Chinese', new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x0a]), true],
    ['NUL bytes', new Uint8Array([0x61, 0x00, 0x62]), false],
    ['a PNG', samplePng(), false],
  ])('%s', (_name, bytes, expected) => {
    expect(looksLikeText(bytes)).toBe(expected);
  });
});

describe('file names', () => {
  it.each([
    ['a Windows path', 'C:\\Users\\张三\\身份证.jpg', '身份证.jpg'],
    ['a Unix path', '../../etc/passwd', 'passwd'],
    ['control characters and quotes', 'a\u0000b\r\n"c".pdf', 'abc.pdf'],
    ['blank', '   ', ''],
  ])('%s', (_name, raw, clean) => {
    expect(safeFilename(raw)).toBe(clean);
  });

  it('keeps the extension of a long name', () => {
    const name = safeFilename(`${'很'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('downloads under an RFC 5987 filename* with an ASCII fallback', () => {
    expect(attachmentDisposition('身份证 (正面).jpg')).toBe(
      `attachment; filename="___ (__).jpg"; filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81%20%28%E6%AD%A3%E9%9D%A2%29.jpg`,
    );
    expect(attachmentDisposition('a;b"c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%3Bb%22c.pdf`);
    expect(downloadHeaders({ filename: 'x.pdf', mediaType: 'application/pdf' })).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
    });
  });
});

it('media type and checksum', () => {
  expect(mediaTypeOf('scan.JPG')).toBe('image/jpeg');
  expect(mediaTypeOf('a.docx', 'application/octet-stream')).toBe(DOCX);
  expect(mediaTypeOf('a.bin', 'text/plain; charset=utf-8')).toBe('text/plain');
  expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});
