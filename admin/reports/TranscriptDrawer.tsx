import { ConversationDrawer, type FrameSubscribe } from '../supervision/ConversationDrawer.js';

/** The records behind a report are mostly over: nothing live to follow. */
const NO_FRAMES: FrameSubscribe = () => () => undefined;
const NOTHING = () => undefined;

/**
 * One conversation of a drill-down, opened the way 对话监控 opens one: the transcript read-only, a
 * 标记待复核 note (what someone reading a bad rating wants), and for an open one the supervisor's
 * actions. The opening is in the audit log like any supervision.
 */
export function TranscriptDrawer({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  return <ConversationDrawer id={conversationId} subscribe={NO_FRAMES} onClose={onClose} onChanged={NOTHING} />;
}
