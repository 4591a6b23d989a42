import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  BUNDLE_FILES,
  BUNDLE_FORMAT_VERSION,
  EXPORT_SECTIONS,
  LEDGER_FORMAT_VERSION,
  PROFESSIONAL_ROLE_WORDS,
  bundleReceiptName,
  type BundleFile,
  type ExportManifest,
  type OpenLedgerEntry,
  type ProfessionalActor,
} from '@parallel/domain';
import { DateTime } from 'luxon';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Transform, type Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { InvalidInput, NotFound, type FieldProblem } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import { CreateExportDto, EXPORTS_PAGE_DEFAULT, ExportDto, ExportListQueryDto, ExportMakerDto, ExportPageDto, toExportDto } from './dto/export.dto';
import type { ExportEntity } from './entities/export.entity';
import { ExportsRepository, type ExportWithMaker } from './exports.repository';
import { ExpensesRepository } from '../expenses/expenses.repository';
import { ledgerLines } from './ledger-lines-thread';
import { MadePdfs } from './made-pdfs';
import type { RecordPdfSource } from './record-pdf';
import { writeRecordPdfFromRows, type StoredRowPages } from './record-pdf-thread';
import { SigningKey } from './signing-key';

/** Who makes an export: a parent of the case (named as their account is), or a professional through the access a parent gave them. */
export type ExportRequester = { parentId: string; name: string } | { professional: ProfessionalActor };

/**
 * Exports for court. Making one is a ledger entry (`export.made`); its PDF and bundle are
 * made from the chain up to and including that entry when they are downloaded, streamed and
 * read page by page, so a record of any length fits in bounded memory. The PDF, once made,
 * is kept for the bundle and later downloads (the same bytes; see MadePdfs).
 */
/** What an export's files are made from: the PDF's source, and its chain as stored rows (for the thread that sets the PDF). */
export type RecordSource = Omit<RecordPdfSource, 'entries'> & { rows: StoredRowPages };

@Injectable()
export class ExportsService {
  constructor(
    private readonly exports: ExportsRepository,
    private readonly commands: CaseCommands,
    private readonly key: SigningKey,
    private readonly madePdfs: MadePdfs,
    private readonly expenses: ExpensesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(requester: ExportRequester, caseId: string, dto: CreateExportDto): Promise<ExportDto> {
    const problems: FieldProblem[] = [];
    for (const field of ['from', 'to'] as const) {
      const value = dto[field];
      if (value !== undefined && !DateTime.fromISO(value).isValid)
        problems.push({
          field,
          rule: 'isDate',
          message: `${field} is not a day of the calendar`,
        });
    }
    if (dto.from !== undefined && dto.to !== undefined && dto.from > dto.to)
      problems.push({
        field: 'to',
        rule: 'notBeforeFrom',
        message: 'to must not be before from',
      });
    if (problems.length) throw new InvalidInput(problems);
    const sections = EXPORT_SECTIONS.filter((section) => (dto.sections ?? EXPORT_SECTIONS).includes(section));
    const id = randomUUID();
    // A professional is not a member of the case: the entry has no actor and names them instead.
    const professional = 'professional' in requester ? requester.professional : null;
    const row = await this.commands.run(caseId, async (tx) => {
      const payload = {
        exportId: id,
        from: dto.from ?? null,
        to: dto.to ?? null,
        sections,
        keyFingerprint: this.key.fingerprint,
        ...(professional ? { professional } : {}),
      };
      const entry = await tx.record('export.made', professional ? null : (requester as { parentId: string }).parentId, payload);
      const made: ExportEntity = {
        id,
        caseId,
        requestedBy: entry.actorId,
        grantId: professional?.grantId ?? null,
        ledgerSeq: entry.seq,
        rangeFrom: payload.from,
        rangeTo: payload.to,
        sections,
        keyFingerprint: payload.keyFingerprint,
        createdAt: tx.now,
      };
      await this.exports.insert(tx, made);
      return made;
    });
    return toExportDto(row, makerOf({ parentName: 'parentId' in requester ? requester.name : null, professional }));
  }

  /**
   * The case's exports, newest first, a page at a time; with `grantId`, only those made with
   * that access. Paged by their own ledger entry (`cursor` is the last one's seq).
   */
  async list(caseId: string, query: ExportListQueryDto, grantId?: string): Promise<ExportPageDto> {
    const limit = query.limit ?? EXPORTS_PAGE_DEFAULT;
    const found = await this.exports.listOfCase(caseId, { grantId, beforeSeq: query.cursor ?? null, take: limit + 1 });
    const items = found.slice(0, limit);
    return {
      items: items.map((made) => toExportDto(made.row, makerOf(made))),
      nextCursor: found.length > limit ? String(items.at(-1)!.row.ledgerSeq) : null,
    };
  }

  /** Finds the export and everything its files are made from; a 404 before any byte is sent. */
  async prepare(caseId: string, exportId: string): Promise<{ row: ExportEntity; source: RecordSource; fileStem: string }> {
    const row = await this.exports.find(caseId, exportId);
    if (!row) throw new NotFound('Export not found');
    const facts = await this.exports.caseFacts(caseId);
    if (!facts) throw new NotFound('Case not found');
    // The export's own entry is its head: read that one, not the chain before it.
    const headEntry = await this.exports.entryAt(caseId, row.ledgerSeq);
    if (!headEntry || headEntry.seq !== row.ledgerSeq) throw new NotFound('Export not found');
    const source: RecordSource = {
      exportId: row.id,
      caseId,
      caseName: facts.name,
      timeZone: facts.timeZone,
      children: facts.children,
      parents: facts.parents,
      exportedBy: exporterOf(headEntry, facts.parents),
      generatedAt: row.createdAt.toISOString(),
      head: { seq: headEntry.seq, hash: headEntry.hash },
      keyFingerprint: this.key.fingerprint,
      range: { from: row.rangeFrom, to: row.rangeTo },
      sections: row.sections,
      rows: (filter) => this.exports.rowsUpTo(caseId, row.ledgerSeq, filter),
    };
    return {
      row,
      source,
      fileStem: `record-${caseId.slice(0, 8)}-${row.ledgerSeq}`,
    };
  }

  /** The PDF, made once per export and then sent as made (see MadePdfs). */
  writePdf(source: RecordSource, out: Writable): Promise<void> {
    // The thread is given the facts alone: the chain reaches it as rows, page by page.
    const { rows, ...facts } = source;
    return this.madePdfs.send(source.exportId, (pdf) => writeRecordPdfFromRows({ ...facts, databaseUrl: this.config.databaseUrl }, rows, pdf), out);
  }

  /**
   * The signed bundle, streamed as a zip: ledger.jsonl (every entry from 1 to the head,
   * with its content, one JSON object a line), record.pdf, manifest.json (the SHA-256 of both)
   * and manifest.sig (Ed25519 over manifest.json's exact bytes). Files are dated at the export.
   */
  async writeBundle(row: ExportEntity, source: RecordSource, out: Writable): Promise<void> {
    const zip = new ZipFile();
    const mtime = new Date(source.generatedAt);
    const finished = new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
      zip.outputStream.once('error', reject);
    });
    zip.outputStream.pipe(out);
    // A download cancelled half-way ends the files being written, so the chain is no longer read.
    const parts: { destroy: () => unknown }[] = [];
    out.once('close', () => parts.forEach((part) => part.destroy()));

    const ledgerFile = new PassThrough();
    parts.push(ledgerFile);
    zip.addReadStream(ledgerFile, BUNDLE_FILES.ledger, {
      mtime,
      compress: true,
    });
    const ledgerHash = createHash('sha256');
    let ledgerBytes = 0;
    const lines = ledgerLines(
      this.config.databaseUrl ? { caseId: row.caseId, headSeq: row.ledgerSeq, databaseUrl: this.config.databaseUrl } : null,
      () => this.exports.rowsUpTo(row.caseId, row.ledgerSeq),
    );
    for await (const bytes of lines) {
      ledgerHash.update(bytes);
      ledgerBytes += bytes.length;
      if (out.destroyed) throw new Error('the download was cancelled');
      if (!ledgerFile.write(bytes)) await Promise.race([once(ledgerFile, 'drain'), once(ledgerFile, 'close')]);
    }
    ledgerFile.end();

    const pdfFile = new PassThrough();
    zip.addReadStream(pdfFile, BUNDLE_FILES.pdf, { mtime, compress: false });
    const pdfHash = createHash('sha256');
    let pdfBytes = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        pdfHash.update(chunk);
        pdfBytes += chunk.length;
        callback(null, chunk);
      },
    });
    hashing.pipe(pdfFile);
    parts.push(hashing, pdfFile);
    await this.writePdf(source, hashing);

    // Every stored file recorded up to the head (receipts and proofs of payment), as stored:
    // each entry that recorded one gives its SHA-256, so a checker ties the file to the chain.
    const receiptFiles: BundleFile[] = [];
    for (const receipt of await this.expenses.receiptsUpTo(row.caseId, row.ledgerSeq)) {
      if (out.destroyed) throw new Error('the download was cancelled');
      const name = bundleReceiptName(receipt.id, receipt.mediaType);
      const file = new PassThrough();
      parts.push(file);
      zip.addReadStream(file, name, { mtime, compress: false });
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of this.expenses.readReceipt(receipt.id)) {
        hash.update(chunk);
        bytes += chunk.length;
        if (!file.write(chunk)) await Promise.race([once(file, 'drain'), once(file, 'close')]);
      }
      file.end();
      receiptFiles.push({ name, sha256: hash.digest('hex'), bytes });
    }

    const manifest: ExportManifest = {
      format: 'parallel-record-bundle',
      formatVersion: BUNDLE_FORMAT_VERSION,
      recordFormat: LEDGER_FORMAT_VERSION,
      exportId: row.id,
      caseId: row.caseId,
      head: source.head,
      range: {
        from: row.rangeFrom,
        to: row.rangeTo,
        timeZone: source.timeZone,
      },
      sections: row.sections,
      generatedAt: source.generatedAt,
      files: [
        {
          name: BUNDLE_FILES.ledger,
          sha256: ledgerHash.digest('hex'),
          bytes: ledgerBytes,
        },
        {
          name: BUNDLE_FILES.pdf,
          sha256: pdfHash.digest('hex'),
          bytes: pdfBytes,
        },
        ...receiptFiles,
      ],
      publicKey: {
        algorithm: 'Ed25519',
        pem: this.key.publicKeyPem,
        fingerprint: this.key.fingerprint,
      },
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    zip.addBuffer(manifestBytes, BUNDLE_FILES.manifest, {
      mtime,
      compress: true,
    });
    zip.addBuffer(this.key.sign(manifestBytes), BUNDLE_FILES.signature, {
      mtime,
      compress: false,
    });
    zip.end();
    await finished;
  }
}

/** Who made an export, from its row: its parent, or the professional of the access it was made with. */
function makerOf({ parentName, professional }: Pick<ExportWithMaker, 'parentName' | 'professional'>): ExportMakerDto {
  if (professional) return { kind: 'professional', name: professional.name, role: professional.role };
  return { kind: 'parent', name: parentName ?? 'a parent', role: null };
}

/** Who the cover says made the export, as its own entry says: a parent, or the professional it names. */
function exporterOf(entry: OpenLedgerEntry, parents: { id: string; name: string }[]): string {
  const professional = entry.type === 'export.made' ? entry.payload.professional : undefined;
  if (professional) return `${professional.name}, ${PROFESSIONAL_ROLE_WORDS[professional.role]}, with access given by a parent`;
  return parents.find((parent) => parent.id === entry.actorId)?.name ?? 'a parent';
}
