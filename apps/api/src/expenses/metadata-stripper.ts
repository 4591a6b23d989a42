import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ReceiptMediaType } from '@parallel/domain';
import { ExifTool } from 'exiftool-vendored';
import { DomainError } from '../common/errors';

/** 422: the file starts like an image but cannot be rewritten as one, so its metadata cannot be removed. */
export class ReceiptUnreadable extends DomainError {
  readonly status = 422;
  constructor() {
    super('This image could not be read, so it cannot be stored. Try taking the photo again, or send it as a PDF.', [
      { field: 'file', rule: 'readableImage', message: 'file must be a whole, readable image (its location and device details are removed before it is stored)' },
    ]);
  }
}

/**
 * What is kept or is about the file, not the photo: the colour profile (copied back on purpose;
 * its DeviceModel and ProfileCreator name the profile's maker, such as "sRGB", not the camera),
 * and ExifTool's own notes on the file.
 */
const KEPT_GROUPS = /^(ICC_Profile|File|ExifTool|SourceFile|errors|warnings)\b/;

/** Tags that would tell where a photo was taken or with which device; none may survive the strip. */
const REVEALING_TAG = /gps|location|city|country|state|sublocation|make|model|serial|lens|owner|artist|creator|hostcomputer|software|uniquecameramodel|imageuniqueid/i;

/**
 * Removes location and device metadata from receipt photos before they are stored and hashed:
 * a photo of a receipt must not tell the other parent where its sender lives.
 *
 * ExifTool (through `exiftool-vendored`, which runs Phil Harvey's ExifTool on the system's
 * Perl) because it is the reference for reading and rewriting image metadata, and it rewrites
 * JPEG, PNG and HEIC in place without decoding or re-encoding the image (sharp would re-encode,
 * and its prebuilt libvips cannot decode HEIC's HEVC). Everything goes (`-all=`: EXIF with
 * GPS, make, model and serial numbers, XMP, IPTC, maker notes, PNG text chunks) except the
 * orientation and the colour profile, copied back so the picture still shows the right way
 * up and in its colours. Then the file is read again, and anything revealing that is left
 * makes the upload fail rather than store it. PDFs are stored as sent: ExifTool edits PDFs
 * by appending a revision, which removes nothing.
 */
@Injectable()
export class MetadataStripper implements OnApplicationShutdown {
  private readonly logger = new Logger('MetadataStripper');
  private exiftool: ExifTool | null = null;

  private tool(): ExifTool {
    // One Perl process, started on first use and kept for the next upload.
    this.exiftool ??= new ExifTool({ maxProcs: 1, taskTimeoutMillis: 30_000 });
    return this.exiftool;
  }

  needsStripping(mediaType: ReceiptMediaType): boolean {
    return mediaType !== 'application/pdf';
  }

  /**
   * Rewrites the image at `path` without its metadata. An image ExifTool cannot rewrite (a
   * damaged file behind a valid signature), or one where anything revealing is left, is
   * refused with a 422 rather than stored.
   */
  async strip(path: string): Promise<void> {
    const tool = this.tool();
    let left: Record<string, unknown>;
    try {
      await tool.write(path, {}, { writeArgs: ['-all=', '-tagsFromFile', '@', '-Orientation', '-ICC_Profile', '-overwrite_original'] });
      left = (await tool.read(path, { readArgs: ['-G', '-a'] })) as unknown as Record<string, unknown>;
    } catch {
      throw new ReceiptUnreadable();
    }
    const revealing = Object.keys(left).filter((tag) => REVEALING_TAG.test(tag) && !KEPT_GROUPS.test(tag));
    if (revealing.length > 0) {
      this.logger.error(`Metadata left after stripping, upload refused: ${revealing.join(', ')}`);
      throw new ReceiptUnreadable();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.exiftool?.end();
    this.exiftool = null;
  }
}
