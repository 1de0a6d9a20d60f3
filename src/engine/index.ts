// The engine room's public surface; filled in as the room is built.
export {};
