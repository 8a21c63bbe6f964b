// Where a publish for an audience goes, read from the channels that come with
// the incident view (nothing here asks the keychain). The backend checks
// every limit again when the lead publishes.
import type { Audience, ChannelView, StatuspageComponent } from "./ipc";

/** The switched-on channels bound to the audience. */
export function boundChannels(channels: ChannelView[], audience: Audience): ChannelView[] {
  return channels.filter((c) => c.channel.enabled && c.channel.audiences.includes(audience));
}

/** The channel with the tightest text limit among them, if any has one. */
export function tightestChannel(bound: ChannelView[]): ChannelView | undefined {
  return bound
    .filter((c) => c.text_limit !== null)
    .sort((a, b) => (a.text_limit ?? 0) - (b.text_limit ?? 0))[0];
}

/** Every Statuspage component the publish can set, across the bound pages. */
export function statuspageComponents(bound: ChannelView[]): StatuspageComponent[] {
  return bound
    .filter((c) => c.channel.kind === "statuspage")
    .flatMap((c) => c.channel.options.statuspage_components);
}
