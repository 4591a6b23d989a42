/**
 * The message views under their former names. The response classes and their mappers
 * live with the request DTOs in `dto/message.dto.ts` (the contract); import from there.
 */
export {
  type HeldBackDto as HeldBackView,
  type MessageDto as MessageView,
  type MessageStatus,
  toHeldBackDto as toHeldBackView,
  toMessageDto as toMessageView,
} from './dto/message.dto';
