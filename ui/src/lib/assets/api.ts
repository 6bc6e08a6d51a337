// Typed wrappers over the `assets_*` commands (docs/ipc.md).

import type { Asset } from '$lib/bindings/Asset';
import { call } from '$lib/ipc';

export const assetsList = () => call('assets_list');

export const assetsCreate = (asset: Asset) => call('assets_create', { asset });

export const assetsUpdate = (asset: Asset) => call('assets_update', { asset });

export const assetsDelete = (id: number) => call('assets_delete', { id });
