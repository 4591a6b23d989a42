import { Injectable, StreamableFile } from '@nestjs/common';
import { decideExpenseAction, receiptExtension, type ReceiptMediaType } from '@parallel/domain';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AuthContext } from '../common/auth-context';
import { Conflict, NotAllowed, NotFound } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import { ReceiptDto, toReceiptDto } from './dto/expense.dto';
import { ReceiptEntity } from './entities/receipt.entity';
import { ExpenseNotifier } from './expense-notifier';
import { expenseRefusal } from './expenses.service';
import { ExpensesRepository } from './expenses.repository';
import { MetadataStripper } from './metadata-stripper';
import { receiveReceipt } from './receipt-upload';

/** Stored in pieces of this size: one row each, and what a download sends at a time. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Receipts of expenses and proofs of payments: received to a private temporary file as they
 * stream in (kind checked from the first bytes, size as they come), stripped of location and
 * device metadata if an image, hashed, then copied into PostgreSQL chunk by chunk in the
 * command that records the entry. Neither direction holds a whole file in memory.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly repository: ExpensesRepository,
    private readonly commands: CaseCommands,
    private readonly stripper: MetadataStripper,
    private readonly notifier: ExpenseNotifier,
  ) {}

  async addToExpense(auth: AuthContext, caseId: string, expenseId: string, request: IncomingMessage): Promise<ReceiptDto> {
    // Refuse before reading a byte when the answer does not depend on the file.
    const expense = await this.repository.findExpense(caseId, expenseId);
    if (!expense) throw new NotFound('Expense not found');
    const early = decideExpenseAction(expense, 'attach_receipt', auth.userId);
    if (!early.ok) throw expenseRefusal('attach_receipt', early);
    return this.store(request, async (file) =>
      this.commands.run(caseId, async (tx) => {
        const parents = await this.repository.parents(caseId, tx);
        const current = await this.repository.findExpense(caseId, expenseId, tx);
        if (!current || !parents) throw new NotFound('Expense not found');
        const decision = decideExpenseAction(current, 'attach_receipt', auth.userId);
        if (!decision.ok) throw expenseRefusal('attach_receipt', decision);
        const row = this.row(caseId, auth.userId, file, { expenseId, paymentId: null }, tx.now);
        const entry = await tx.record('expense.receipt_added', auth.userId, { expenseId, receiptId: row.id, mediaType: row.mediaType, sizeBytes: row.sizeBytes, sha256: row.sha256 });
        row.ledgerSeq = entry.seq;
        await this.repository.insertReceipt(tx, row, chunksOf(file.path));
        this.notifier.changed(tx, parents, auth.userId, 'expense', expenseId, current.status);
        return toReceiptDto(row);
      }),
    );
  }

  async addToPayment(auth: AuthContext, caseId: string, paymentId: string, request: IncomingMessage): Promise<ReceiptDto> {
    const payment = await this.repository.findPayment(caseId, paymentId);
    if (!payment) throw new NotFound('Payment not found');
    if (payment.paidBy !== auth.userId) throw new NotAllowed('Only the parent who recorded a payment adds its proof.');
    return this.store(request, async (file) =>
      this.commands.run(caseId, async (tx) => {
        const parents = await this.repository.parents(caseId, tx);
        const current = await this.repository.findPayment(caseId, paymentId, tx);
        if (!current || !parents) throw new NotFound('Payment not found');
        if (current.status !== 'recorded') throw new Conflict('Proof is added before the payment is confirmed; this one is confirmed.');
        const row = this.row(caseId, auth.userId, file, { expenseId: null, paymentId }, tx.now);
        const entry = await tx.record('payment.proof_added', auth.userId, { paymentId, receiptId: row.id, mediaType: row.mediaType, sizeBytes: row.sizeBytes, sha256: row.sha256 });
        row.ledgerSeq = entry.seq;
        await this.repository.insertReceipt(tx, row, chunksOf(file.path));
        this.notifier.changed(tx, parents, auth.userId, 'payment', paymentId, current.status);
        return toReceiptDto(row);
      }),
    );
  }

  /** The stored bytes, streamed chunk by chunk from the database. Membership was checked by the guard. */
  async download(caseId: string, owner: { expenseId: string } | { paymentId: string }, receiptId: string, reply: Pick<FastifyReply, 'header'>): Promise<StreamableFile> {
    const row = await this.repository.findReceipt(caseId, owner, receiptId);
    if (!row) throw new NotFound('Receipt not found');
    const name = `receipt-${row.id}.${receiptExtension(row.mediaType)}`;
    // Shown in the browser (a preview) with the type recognised at upload (nosniff is set for every answer); never cached by the way.
    void reply.header('Cache-Control', 'private, no-store');
    return new StreamableFile(Readable.from(this.repository.readReceipt(row.id)), {
      type: row.mediaType,
      length: row.sizeBytes,
      disposition: `inline; filename="${name}"`,
    });
  }

  private row(caseId: string, userId: string, file: StoredFile, owner: { expenseId: string | null; paymentId: string | null }, now: Date): ReceiptEntity {
    return { id: randomUUID(), caseId, ...owner, uploadedBy: userId, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, uploadedAt: now, ledgerSeq: 0 };
  }

  /** Receives the upload into a private temporary directory, prepares it, runs `save`, and always removes the directory. */
  private async store<T>(request: IncomingMessage, save: (file: StoredFile) => Promise<T>): Promise<T> {
    const directory = await mkdtemp(join(tmpdir(), 'parallel-receipt-'));
    try {
      const received = await receiveReceipt(request, directory);
      if (this.stripper.needsStripping(received.mediaType)) await this.stripper.strip(received.path);
      const { size } = await stat(received.path);
      return await save({ path: received.path, mediaType: received.mediaType, sizeBytes: size, sha256: await sha256Of(received.path) });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
}

interface StoredFile {
  path: string;
  mediaType: ReceiptMediaType;
  sizeBytes: number;
  /** Of the bytes to be stored: after stripping. */
  sha256: string;
}

async function* chunksOf(path: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) yield chunk as Buffer;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
