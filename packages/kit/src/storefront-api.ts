// For the tests: the storefront API of a running shop, as JSON in and out. Admin paths get the
// header that the admin guard asks of the shop's own page.
import { ADMIN_HEADERS } from "./http/admin-guard.ts";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type Api = ReturnType<typeof apiFor>;

export function apiFor(baseUrl: string) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        "content-type": "application/json",
        ...(path.startsWith("/api/admin") ? ADMIN_HEADERS : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call("GET", path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call("POST", path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call("PUT", path, body, headers),
  };
}
