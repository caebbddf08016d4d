/** Rooms across instances: who is in one (locally only while Redis is down), and sending to one. */
import {
  documentRoom,
  type MeetingPerson,
  type RealtimeUser,
  type Role,
  type ServerToClientEvents,
} from '@samenspraak/shared';
import type { BroadcastOperator } from 'socket.io';
import type { HandlerContext, SocketData } from './types.js';

export async function socketsIn(ctx: HandlerContext, room: string): Promise<Array<{ data: Partial<SocketData> }>> {
  try {
    return ctx.crossInstance() ? await ctx.io.in(room).fetchSockets() : await ctx.io.local.in(room).fetchSockets();
  } catch (err) {
    ctx.log.warn({ err: { message: (err as Error).message }, room }, 'room lookup across instances failed; local only');
    return ctx.io.local.in(room).fetchSockets();
  }
}

export function toRoom(ctx: HandlerContext, room: string): BroadcastOperator<ServerToClientEvents, SocketData> {
  return ctx.crossInstance() ? ctx.io.to(room) : ctx.io.local.to(room);
}

/** The people in a room, once each, sorted: their role is the one checked when they joined it. */
export async function peopleIn(ctx: HandlerContext, room: string): Promise<MeetingPerson[]> {
  const people = new Map<string, MeetingPerson>();
  for (const s of await socketsIn(ctx, room)) {
    const { userId, name } = s.data;
    const role: Role | null | undefined = s.data.joined?.[room]?.role ?? s.data.role;
    if (userId && name && role && !people.has(userId)) people.set(userId, { userId, name, role });
  }
  return [...people.values()].sort((a, b) => a.userId.localeCompare(b.userId));
}

export async function announcePresence(ctx: HandlerContext, documentId: string): Promise<void> {
  const users: RealtimeUser[] = await peopleIn(ctx, documentRoom(documentId));
  toRoom(ctx, documentRoom(documentId)).emit('presence:changed', { documentId, users });
}
