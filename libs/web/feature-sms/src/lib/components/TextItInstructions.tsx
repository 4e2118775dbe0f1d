/** How to talk to the assistant by text: a few examples and the keywords every number understands. */
export function TextItInstructions({ fromPhone }: { fromPhone: string | null }) {
  return (
    <div className="text-it" data-testid="text-it">
      <p>
        {fromPhone ? (
          <>
            Text this number from your phone <span className="nowrap">{fromPhone}</span>, the way you would
            text a friend. For example:
          </>
        ) : (
          <>Text this number from your verified phone, the way you would text a friend. For example:</>
        )}
      </p>
      <ul className="text-it-examples">
        <li>
          <q>remind me to call mum at 6pm</q> — a reminder, texted back at 6pm
        </li>
        <li>
          <q>buy oat milk</q> — goes on your list
        </li>
        <li>
          <q>list</q> — what is on your list, numbered
        </li>
        <li>
          <q>done 1</q> — ticks off the first one
        </li>
      </ul>
      <p className="hint">
        <strong>HELP</strong> tells you what you can say. <strong>STOP</strong> stops all texts from us;{' '}
        <strong>START</strong> turns them back on. Your texts also show in Chat, under “Text messages”.
      </p>
    </div>
  );
}
